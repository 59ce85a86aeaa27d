import { describe, expect, it } from 'vitest';
import { promiseProblem, promiseRows, promiseTable } from '../../grader/instructor/promises.js';
import { parseSpec } from '../../grader/spec/load.js';

const spec = (tests: string) => parseSpec(`slug: demo\ntests:\n${tests}`, '/x/specs/demo.yaml');

const statement = (graded: string) => `# demo

## The slide

Python's threads, a child process, sleep 2 s, exit status 7 (the slide: none of this is promised).

## Your program

${graded}

## Example

Run it with --example-only.
`;

describe('promise rows', () => {
  it('finds a promise of the statement that no test checks, and says which sentence makes it', () => {
    const rows = promiseRows(spec('  - name: t\n    checks:\n      - check: exit\n'), statement('Four worker threads each print a line.'));
    const threads = rows.find((row) => row.kind === 'worker threads');
    expect(threads).toEqual({ slug: 'demo', kind: 'worker threads', says: 'Four worker threads each print a line.', tests: [], status: 'unchecked' });
    expect(promiseProblem(threads!)).toBe('the statement promises worker threads ("Four worker threads each print a line.") but no test checks it');
  });

  it('finds a check whose promise the statement never makes, naming its tests', () => {
    const rows = promiseRows(
      spec('  - name: watched\n    observe: true\n    checks:\n      - check: cpu\n        maxBusyMs: 100\n'),
      statement('It prints a line.'),
    );
    const cpu = rows.find((row) => row.kind === 'no busy waiting');
    expect(cpu?.status).toBe('unannounced');
    expect(promiseProblem(cpu!)).toContain('tests check no busy waiting ("watched")');
  });

  it('ties a promise to the tests that check it; the slide, the example and "not graded" sentences promise nothing', () => {
    const tests = '  - name: threads seen\n    observe: true\n    checks:\n      - check: threads\n        workers: { min: 1 }\n';
    const rows = promiseRows(spec(tests), statement('One worker thread does the work. Its stdout is not graded for busy waiting.'));
    expect(rows.map((row) => [row.kind, row.status, row.tests])).toEqual([['worker threads', 'ok', ['threads seen']]]);
  });

  it('matches exit statuses and flags both ways; status 0 is the convention', () => {
    const tests = [
      '  - name: ok',
      '    args: [--count, "3"]',
      '    checks:',
      '      - check: exit',
      '  - name: usage',
      '    args: [--bogus]',
      '    checks:',
      '      - check: exit',
      '        code: 2',
    ].join('\n');
    const rows = promiseRows(spec(`${tests}\n`), statement('Flags `--count N` and `--verbose`. A bad flag: exit status 1.'));
    const byValue = Object.fromEntries(rows.filter((row) => row.value !== undefined).map((row) => [`${row.kind} ${row.value}`, row.status]));
    expect(byValue).toEqual({
      'exit status 0': 'ok',
      'exit status 1': 'unchecked',
      'exit status 2': 'unannounced',
      'flag --bogus': 'unannounced',
      'flag --count': 'ok',
      'flag --verbose': 'unchecked',
    });
  });

  it('takes "in any order" as a tolerance: checked when promised, never unannounced', () => {
    const tests = '  - name: t\n    checks:\n      - check: lines\n        mode: unordered\n        expect: [a, b]\n';
    expect(promiseRows(spec(tests), statement('It prints a and b.')).some((row) => row.kind === 'in any order')).toBe(false);
    const strict = '  - name: t\n    checks:\n      - check: lines\n        expect: [a, b]\n';
    expect(promiseRows(spec(strict), statement('It prints a and b, in any order.')).find((row) => row.kind === 'in any order')?.status).toBe('unchecked');
  });

  it('takes steps that wait for a line before more input as grading "as soon as", only when the statement promises it', () => {
    const tests = [
      '  - name: answers each frame',
      '    steps:',
      '      - send: "a"',
      '      - expect: "got a"',
      '      - send: "b"',
      '      - close: true',
      '    checks:',
      '      - check: exit',
      '  - name: all at once',
      '    steps:',
      '      - send: "a"',
      '      - close: true',
      '      - expect: "got a"',
      '    checks:',
      '      - check: exit',
    ].join('\n');
    const promised = promiseRows(spec(`${tests}\n`), statement('It prints each frame as soon as it is complete.'));
    expect(promised.find((row) => row.kind === 'timing')).toMatchObject({ status: 'ok', tests: ['answers each frame'] });
    // Interactive steps alone promise nothing: no timing row where the statement makes no such promise.
    expect(promiseRows(spec(`${tests}\n`), statement('It prints each frame.')).some((row) => row.kind === 'timing')).toBe(false);
  });

  it('prints a table', () => {
    const rows = promiseRows(spec('  - name: t\n    checks:\n      - check: exit\n'), statement('Exit status 0.'));
    expect(promiseTable(rows)).toBe(
      ['exercise  promise        status  checked by', '--------  -------------  ------  ----------', 'demo      exit status 0  ok      1 test'].join('\n'),
    );
  });
});
