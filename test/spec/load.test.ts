import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, parseSpec } from '../../grader/spec/load.js';
import { SpecError } from '../../grader/spec/spec-error.js';

const file = '/somewhere/specs/demo.yaml';

function problemsOf(source: string, name = file): SpecError {
  try {
    parseSpec(source, name);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('the spec was accepted');
}

const minimal = `slug: demo
tests:
  - name: prints hello
    checks:
      - check: exit
`;

describe('loading a spec', () => {
  it('fills in the defaults of a minimal spec', () => {
    const spec = parseSpec(minimal, file);
    expect(spec.slug).toBe('demo');
    expect(spec.title).toBe('demo');
    expect(spec.entry).toBe('solution');
    expect(spec.tests[0]).toMatchObject({
      name: 'prints hello',
      points: 1,
      hidden: false,
      args: [],
      env: {},
      files: [],
      trials: 1,
      observe: false,
      exclusive: false,
      processes: [],
      timeoutMs: 10_000,
    });
    expect(spec.tests[0]?.stdin).toBeUndefined();
  });

  it('merges the defaults into every test, env key by key, the test winning', () => {
    const spec = parseSpec(
      `slug: demo
defaults:
  timeoutMs: 3000
  env: { TZ: UTC, A: "1" }
  stdin: "x\\n"
tests:
  - name: one
    env: { A: "2" }
    checks: [{ check: exit }]
  - name: two
    timeoutMs: 500
    steps: [{ send: "q\\n" }]
    checks: [{ check: exit }]
`,
      file,
    );
    expect(spec.tests[0]).toMatchObject({ timeoutMs: 3000, env: { TZ: 'UTC', A: '2' }, stdin: 'x\n' });
    expect(spec.tests[1]).toMatchObject({ timeoutMs: 500, env: { TZ: 'UTC', A: '1' }, steps: [{ send: 'q\n' }] });
    expect(spec.tests[1]?.stdin).toBeUndefined();
  });

  it('names the file, line and column of a YAML syntax error', () => {
    const error = problemsOf('slug: demo\ntests:\n  - name: "unclosed\n    checks: []\n');
    expect(error.message).toMatch(/demo\.yaml:\d+:\d+: YAML syntax/);
  });

  it('points at an unknown field where it stands', () => {
    const error = problemsOf(`slug: demo
tests:
  - name: prints hello
    timeout: 5000
    checks:
      - check: exit
`);
    expect(error.problems).toContainEqual(expect.objectContaining({ line: 4, column: 14 }));
    expect(error.message).toContain('tests[0] has an unknown field "timeout"');
  });

  it('says what type a field must be, at its line', () => {
    const error = problemsOf(`slug: demo
tests:
  - name: prints hello
    checks:
      - check: exit
        code: zero
`);
    expect(error.message).toMatch(/demo\.yaml:6:15: tests\[0\]\.checks\[0\]\.code must be integer/);
  });

  it('lists the known check kinds when a check is unknown', () => {
    const error = problemsOf(`slug: demo
tests:
  - name: prints hello
    checks:
      - check: exitt
`);
    expect(error.message).toContain('demo.yaml:5:');
    expect(error.message).toMatch(/known: .*exit/);
  });

  describe('a value of an unknown kind is refused with the valid kinds', () => {
    const withSteps = (steps: string) => `slug: demo
tests:
  - name: talks
    steps:
${steps}
    checks:
      - check: exit
`;
    const stepKinds = ['send', 'expect', 'expectAll', 'close', 'waitMs', 'expectExit'];

    it('a step', () => {
      const error = problemsOf(withSteps('      - send: "a\\n"\n      - sendSignal: SIGUSR1'));
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]?.line).toBe(6);
      expect(error.message).toContain('tests[0].steps[1] is of no known kind: it has the field "sendSignal"');
      for (const kind of stepKinds) expect(error.message).toContain(`"${kind}"`);
      expect(error.message).not.toContain('missing the field');
    });

    it('a step of two kinds at once', () => {
      const error = problemsOf(withSteps('      - send: "a\\n"\n        expect: "b"'));
      expect(error.message).toContain('tests[0].steps[0] has the fields "send" and "expect", each naming a kind of its own');
    });

    it("a step of a known kind with a wrong field gets that kind's complaint only", () => {
      const error = problemsOf(withSteps('      - expect: "b"\n        timeout: 300'));
      expect(error.problems.map((p) => p.message)).toEqual(['tests[0].steps[0] has an unknown field "timeout"']);
    });

    it('a check without its kind', () => {
      const error = problemsOf(`slug: demo
tests:
  - name: prints hello
    checks:
      - code: 0
`);
      expect(error.problems).toHaveLength(1);
      expect(error.message).toMatch(/tests\[0\]\.checks\[0\] needs a "check" field naming its kind \(known: exit, output, lines, /);
    });

    it('a split of a feed', () => {
      const error = problemsOf(`slug: demo
tests:
  - name: fed
    feed: { text: "a", splits: [whole, halves] }
    checks:
      - check: exit
`);
      expect(error.message).toContain('tests[0].feed.splits[1] must be one of: "whole", "bytewise", "random", "paused"');
    });

    it("a value of one shape of a union gets that shape's complaints, every one of them", () => {
      const error = problemsOf(`slug: demo
tests:
  - name: related
    checks:
      - check: records
        records: { a: "x {int:n}" }
        keys: { record: a, fields: 3 }
`);
      expect(error.problems.map((p) => p.message)).toEqual([
        'tests[0].checks[0].keys is missing the field "key"',
        'tests[0].checks[0].keys is missing the field "from"',
        'tests[0].checks[0].keys is missing the field "to"',
        'tests[0].checks[0].keys has an unknown field "fields"',
      ]);
    });

    it('a union of shapes (the test of a mustReject entry)', () => {
      const error = problemsOf(`${minimal}mustReject:
  broken:
    test: 3
    check: exit
`);
      expect(error.problems.map((p) => p.message)).toEqual(['mustReject.broken.test must be a string or a list of strings']);
    });
  });

  it('names a missing required field', () => {
    const error = problemsOf(`slug: demo
tests:
  - checks: [{ check: exit }]
`);
    expect(error.message).toContain('tests[0] is missing the field "name"');
    expect(error.problems[0]?.line).toBe(3);
  });

  it('requires the slug to equal the file name', () => {
    expect(problemsOf(minimal, '/x/specs/other.yaml').message).toContain('slug "demo" must equal the file name "other"');
  });

  it('refuses two tests with the same name', () => {
    const error = problemsOf(`slug: demo
tests:
  - name: same
    checks: [{ check: exit }]
  - name: same
    checks: [{ check: exit }]
`);
    expect(error.message).toMatch(/demo\.yaml:5:\d+: test name "same" is used twice/);
  });

  it('checks that mustReject names a test and one of its check kinds', () => {
    const error = problemsOf(`${minimal}mustReject:
  bug-one:
    test: no such test
    check: exit
  bug-two:
    test: prints hello
    check: lines
`);
    expect(error.message).toContain('no test is named "no such test"');
    expect(error.message).toContain('test "prints hello" has no "lines" check');
  });

  it('refuses two kinds of input in one test', () => {
    const error = problemsOf(`slug: demo
tests:
  - name: both
    stdin: "a"
    steps: [{ send: "b" }]
    checks: [{ check: exit }]
`);
    expect(error.message).toContain('only one of stdin, steps and feed');
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadSpec('/nonexistent/specs/nothing.yaml')).rejects.toThrow(/nothing\.yaml: cannot read the spec/);
  });

  it('loads every spec of the repository', async () => {
    const specsDir = path.resolve(import.meta.dirname, '../../specs');
    const names = (await readdir(specsDir)).filter((n) => n.endsWith('.yaml'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const spec = await loadSpec(path.join(specsDir, name));
      expect(spec.slug).toBe(name.replace(/\.yaml$/, ''));
    }
  });

  it('reads a spec from a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'spec-'));
    await writeFile(path.join(dir, 'demo.yaml'), minimal);
    expect((await loadSpec(path.join(dir, 'demo.yaml'))).tests).toHaveLength(1);
  });
});

describe('generated tests and known values in a spec', () => {
  const test = (body: string) => `slug: demo\ntests:\n  - name: t\n${body}`;

  it('loads a generate block and keeps it on the test', () => {
    const spec = parseSpec(
      test('    args: ["${n}"]\n    generate:\n      values:\n        n: { int: { min: -3, max: 3 } }\n    checks:\n      - check: reference\n'),
      file,
    );
    expect(spec.tests[0]!.generate).toEqual({ values: { n: { int: { min: -3, max: 3 } } } });
  });

  it('refuses ${name} without a generate block, or naming no value of it', () => {
    expect(problemsOf(test('    args: ["${n}"]\n    checks:\n      - check: exit\n')).message).toContain('${n} is used but the test has no generate block');
    expect(
      problemsOf(test('    args: ["${m}"]\n    generate:\n      values:\n        n: { pick: [a] }\n    checks:\n      - check: exit\n')).message,
    ).toContain('${m} names no value of the generate block (it has: n)');
  });

  it('refuses a value of two kinds at once', () => {
    expect(
      problemsOf(test('    generate:\n      values:\n        n: { pick: [a], int: { min: 0, max: 1 } }\n    checks:\n      - check: exit\n')).message,
    ).toMatch(/generate/);
  });

  it('refuses {pid:descendant} in a test that does not observe', () => {
    expect(problemsOf(test('    checks:\n      - check: lines\n        expect: ["Child is {pid:descendant}"]\n')).message).toContain(
      '{pid:descendant} needs `observe: true`',
    );
    expect(() => parseSpec(test('    observe: true\n    checks:\n      - check: lines\n        expect: ["Child is {pid:descendant}"]\n'), file)).not.toThrow();
  });
});
