import { describe, expect, it } from 'vitest';
import { ERRORS_RAISED_ENV, errorsRaisedBefore, githubAnnotationsReporter, runAnnotations } from '../../grader/report/github-annotations.js';
import { firstSolutionPosition, testLocation, tsPositions } from '../../grader/report/failure-location.js';
import type { ExerciseResult, GradeSummary, TestResult } from '../../grader/report/types.js';
import { commandsIn } from './workflow-commands.js';

function failed(name: string, fields: Partial<TestResult> = {}): TestResult {
  return {
    name,
    status: 'failed',
    message: `${name} printed the wrong thing`,
    score: 0,
    maxScore: 1,
    hidden: false,
    checks: [],
    trials: 1,
    durationMs: 5,
    ...fields,
  };
}

function exercise(slug: string, tests: TestResult[], fields: Partial<ExerciseResult> = {}): ExerciseResult {
  const maxScore = tests.reduce((sum, t) => sum + t.maxScore, 0);
  return { slug, title: slug, status: 'failed', score: 0, maxScore, tests, solutionDir: `/repo/assignments/${slug}`, durationMs: 9, ...fields };
}

/** Six exercises with 14 annotations: three failures each in a, b, c, d, one hidden in e, one that does not compile. */
function manyFailures(): GradeSummary {
  const three = (slug: string): ExerciseResult => exercise(slug, [failed(`${slug}1`), failed(`${slug}2`), failed(`${slug}3`)]);
  const exercises = [
    three('a'),
    three('b'),
    exercise('e', [failed('secret', { hidden: true, message: 'SECRET' })]),
    three('c'),
    exercise('broken', [failed('runs', { message: 'not run: the solution does not compile' })], {
      status: 'error',
      message: 'Your code does not compile:\n/repo/assignments/broken/solution.ts:7:3: error: Expected ";"',
    }),
    three('d'),
  ];
  return { score: 0, maxScore: 14, exercises, sandbox: { tier: 'bubblewrap', reason: '', guarantees: [], missing: [] }, durationMs: 100 };
}

function titles(lines: string[]): string[] {
  return commandsIn(lines.join('\n')).map((c) => c.properties.title ?? '');
}

describe("annotations within the runner's limit of 10 errors per step", () => {
  it('raises 9 errors, the most useful first, then one that counts the rest and points to the job summary', () => {
    const lines = runAnnotations(manyFailures().exercises, '/repo');
    const commands = commandsIn(lines.join('\n'));
    expect(commands).toHaveLength(10);
    expect(commands.every((c) => c.command === 'error')).toBe(true);
    expect(titles(lines)).toEqual([
      'broken: could not be graded',
      'a: a1 (0/1 points)',
      'b: b1 (0/1 points)',
      'c: c1 (0/1 points)',
      'd: d1 (0/1 points)',
      'a: a2 (0/1 points)',
      'b: b2 (0/1 points)',
      'c: c2 (0/1 points)',
      'd: d2 (0/1 points)',
      '5 more failures not annotated',
    ]);
    const last = commands.at(-1)!;
    expect(last.properties.file).toBeUndefined();
    expect(last.data).toContain('at most 10 error annotations per step');
    expect(last.data).toContain('(in 5 exercises)');
    expect(last.data).toContain('job summary');
  });

  it('raises every failure when there are at most 10', () => {
    const summary = manyFailures();
    const ten = summary.exercises.slice(0, 4).map((e) => ({ ...e, tests: e.tests.slice(0, 3) }));
    expect(ten.flatMap((e) => e.tests)).toHaveLength(10);
    expect(commandsIn(runAnnotations(ten, '/repo').join('\n')).map((c) => c.command)).toEqual(Array(10).fill('error'));
    expect(titles(runAnnotations(ten, '/repo')).at(-1)).toBe('e: secret (0/1 points)');
  });

  it("leaves room for the errors a parent already raised in the step (the ci command's tampering ones)", () => {
    const lines = runAnnotations(manyFailures().exercises, '/repo', false, 3);
    expect(lines).toHaveLength(7);
    expect(titles(lines).at(-1)).toBe('8 more failures not annotated');
    expect(errorsRaisedBefore({ [ERRORS_RAISED_ENV]: '3' })).toBe(3);
    expect(errorsRaisedBefore({ [ERRORS_RAISED_ENV]: 'x' })).toBe(0);
    expect(errorsRaisedBefore({})).toBe(0);
    expect(runAnnotations(manyFailures().exercises, '/repo', false, 10)).toEqual([]);
  });

  it('limits warnings (exercises without a solution) the same way, apart from errors', () => {
    const missing = Array.from({ length: 12 }, (_, i) => exercise(`m${i}`, [failed('runs')], { status: 'missing', message: `No solution found for m${i}.` }));
    const commands = commandsIn(runAnnotations(missing, '/repo').join('\n'));
    expect(commands.map((c) => c.command)).toEqual(Array(10).fill('warning'));
    expect(commands.at(-1)!.properties.title).toBe('3 more exercises without a solution not annotated');
  });

  it('puts each error on the line a compiler message or a stack trace names in the solution', () => {
    const summary = manyFailures();
    summary.exercises[0]!.tests[0]!.stderrTail =
      'TypeError: x is undefined\n    at node:internal/x.js:1:1\n    at main (/repo/assignments/a/worker.ts:12:5)\n    at /repo/assignments/a/solution.ts:30:1';
    const commands = commandsIn(runAnnotations(summary.exercises, '/repo').join('\n'));
    expect(commands[0]!.properties).toMatchObject({ file: 'assignments/broken/solution.ts', line: '7' });
    expect(commands[1]!.properties).toMatchObject({ file: 'assignments/a/worker.ts', line: '12' });
    expect(commands[2]!.properties).toEqual({ file: 'assignments/b/solution.ts', title: 'b: b1 (0/1 points)' });
  });

  it('waits for the end of the run and writes the limited list once', () => {
    let log = '';
    const reporter = githubAnnotationsReporter({ root: '/repo', write: (t) => (log += t) });
    const summary = manyFailures();
    for (const e of summary.exercises) void reporter.onExerciseEnd?.(e);
    expect(log).toBe('');
    void reporter.onEnd?.(summary);
    expect(commandsIn(log)).toHaveLength(10);
  });
});

describe('the location of a failure', () => {
  it("reads paths relative to the directory the grader ran in, and only files of the solution's folder", () => {
    const texts = [
      'at x (/elsewhere/solution.ts:3:1)',
      'error at assignments/a/solution.ts:4:7: error: oops',
      'then file:///repo/assignments/a/solution.ts:9:2',
    ];
    expect(firstSolutionPosition(texts, '/repo/assignments/a', '/repo', '/repo')).toEqual({ file: 'assignments/a/solution.ts', line: 4 });
    expect(firstSolutionPosition([texts[2]], '/repo/assignments/a', '/repo', '/tmp')).toEqual({ file: 'assignments/a/solution.ts', line: 9 });
    expect(firstSolutionPosition(['assignments/a/solution.ts:4'], '/repo/assignments/a', '/repo', '/tmp')).toBeUndefined();
    expect(firstSolutionPosition(['assignments/a/sub/x.ts:4'], '/repo/assignments/a', '/repo', '/repo')).toBeUndefined();
  });

  it("names the spec's entry file when nothing names a line, and never a hidden test's line", () => {
    const withEntry = exercise('a', [failed('t')], { entry: 'main' });
    expect(testLocation(withEntry, withEntry.tests[0]!, '/repo')).toEqual({ file: 'assignments/a/main.ts' });
    const hidden = failed('h', { hidden: true, stderrTail: 'at /repo/assignments/a/solution.ts:3:1' });
    expect(testLocation(withEntry, hidden, '/repo')).toEqual({ file: 'assignments/a/main.ts' });
    expect(testLocation(withEntry, hidden, '/repo', true)).toEqual({ file: 'assignments/a/solution.ts', line: 3 });
  });
});

describe('finding positions in long student output', () => {
  it('takes linear time: 200,000 characters without a position, and one at the end', () => {
    const noise = `${'x'.repeat(100_000)}.ts ${'a/'.repeat(50_000)}`;
    expect(tsPositions(noise)).toEqual([]);
    expect(tsPositions(`${noise} at file:///repo/assignments/a/solution.ts:5:1`)).toEqual([{ path: '/repo/assignments/a/solution.ts', line: 5 }]);
    expect(tsPositions('(x.ts:3) "y/z.ts:4:1" .ts:9')).toEqual([
      { path: 'x.ts', line: 3 },
      { path: 'y/z.ts', line: 4 },
    ]);
    expect(tsPositions('a'.repeat(30_000) + '.ts:1'.repeat(30_000))).toHaveLength(30_000);
  });
});
