import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../grader/spec/load.js';
import { maskedPattern } from '../../grader/instructor/masked-pattern.js';
import { studentSpecText } from '../../grader/instructor/student-spec.js';

const SOURCE = `# yaml-language-server: $schema=./schema.json
slug: greet
title: Greet
tests:
  # The plain greeting.
  - name: greets
    args: [Ada]
    checks:
      - check: exit
      - check: reference
        hint: Greet exactly as the reference does.

  - name: a hidden one
    hidden: true
    checks:
      - check: reference

  - name: greets with the pid
    args: [--pid, Bob]
    checks:
      - check: reference
        mask:
          - { pattern: '\\d+', replace: '<n>' }
      - check: exit

mustReject:
  rude:
    test: greets
    check: reference
`;

describe('studentSpecText', () => {
  const text = studentSpecText(
    SOURCE,
    [1],
    [
      { test: 0, check: 1, text: 'Hello, Ada!\nBye.' },
      { test: 2, check: 0, text: 'Hello, Bob (pid 42)!' },
    ],
  );

  it('removes the hidden test and mustReject, and keeps everything else as written', () => {
    expect(text).not.toContain('a hidden one');
    expect(text).not.toContain('mustReject');
    expect(text).not.toContain('rude');
    expect(
      text.startsWith(
        '# yaml-language-server: $schema=./schema.json\nslug: greet\ntitle: Greet\ntests:\n  # The plain greeting.\n  - name: greets\n    args: [Ada]\n',
      ),
    ).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
  });

  it("records the reference's output: an output check, or a match check where the reference check masks", () => {
    const spec = parseSpec(text, '/x/greet.yaml');
    expect(spec.tests.map((t) => t.name)).toEqual(['greets', 'greets with the pid']);
    expect(spec.mustReject).toEqual({});
    expect(spec.tests[0]!.checks[1]).toEqual({ check: 'output', equals: 'Hello, Ada!\nBye.', hint: 'Greet exactly as the reference does.' });
    const masked = spec.tests[1]!.checks[0]!;
    expect(masked.check).toBe('match');
    const regExp = new RegExp(String(masked.pattern), typeof masked.flags === 'string' ? masked.flags : '');
    expect(regExp.test('Hello, Bob (pid 7)!')).toBe(true);
    expect(regExp.test('Hello, Bob (pid 7)')).toBe(false);
    expect(spec.tests[1]!.checks[1]).toEqual({ check: 'exit' });
  });
});

describe('maskedPattern', () => {
  it('matches the same text with other values where the mask matched, and nothing else', () => {
    const { pattern, flags } = maskedPattern('Parent 12 got [Spam 004] at 1764201600.123\nParent 12 done', [
      { pattern: '\\d+\\.\\d+', replace: '<ts>' },
      { pattern: '(?<=Parent )\\d+', replace: '<pid>' },
    ]);
    const regExp = new RegExp(pattern, flags);
    expect(regExp.test('Parent 77 got [Spam 004] at 1764209999.5\nParent 77 done')).toBe(true);
    expect(regExp.test('Parent 77 got [Spam 003] at 1764209999.5\nParent 77 done')).toBe(false);
    expect(regExp.test('Parent 77 got [Spam 004] at 1764209999.5\nParent 77 done\nmore')).toBe(false);
    expect(regExp.test('x\nParent 77 got [Spam 004] at 1764209999.5\nParent 77 done')).toBe(false);
  });

  it("keeps the whole-stream anchors under a rule's m flag, and escapes literal regex characters", () => {
    const { pattern, flags } = maskedPattern('a.b (1)\nc', [{ pattern: '^c$', replace: 'C', flags: 'm' }]);
    expect(flags).toBe('m');
    const regExp = new RegExp(pattern, flags);
    expect(regExp.test('a.b (1)\nc')).toBe(true);
    expect(regExp.test('axb (1)\nc')).toBe(false);
    expect(regExp.test('a.b (1)')).toBe(false);
  });
});
