import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failuresFirstApplies } from '../../grader/cli/grade-command.js';
import { grade } from '../../grader/grade/grade.js';
import { isCostly, leastDurationMs, leastWorkerThreads, MANY_THREADS, NOT_RUN_FIX_FAILURES, SLOW_TEST_MS } from '../../grader/grade/test-cost.js';
import { consoleReporter } from '../../grader/report/console.js';
import type { Reporter } from '../../grader/report/types.js';
import { makeTest } from '../checks/helpers.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('which tests are costly', () => {
  it('repeated, exclusive and generated tests are costly; a single plain run is cheap', () => {
    expect(isCostly(makeTest({}))).toBe(false);
    expect(isCostly(makeTest({ trials: 3 }))).toBe(true);
    expect(isCostly(makeTest({ exclusive: true }))).toBe(true);
    expect(isCostly(makeTest({ generate: { cases: 5, values: {} } }))).toBe(true);
  });
  it('a feed split in several ways runs the program several times: costly; fed whole once, cheap', () => {
    expect(isCostly(makeTest({ feed: { text: 'a', splits: ['whole'] } }))).toBe(false);
    expect(isCostly(makeTest({ feed: { text: 'a', splits: ['whole', 'bytewise'] } }))).toBe(true);
    expect(isCostly(makeTest({ feed: { text: 'a', splits: ['random'], randomRuns: 1 } }))).toBe(false);
    expect(isCostly(makeTest({ feed: { text: 'a', splits: ['random'] } }))).toBe(true);
  });
  it('a test that its own checks make last about a second or more is costly: it cannot fail fast', () => {
    const elapsed = (minMs: number) => makeTest({ checks: [{ check: 'elapsed', minMs }] });
    expect(leastDurationMs(elapsed(2000))).toBe(2000);
    expect(isCostly(elapsed(2000))).toBe(true);
    expect(isCostly(elapsed(SLOW_TEST_MS - 1))).toBe(false);
    const timing = makeTest({
      checks: [
        {
          check: 'timing',
          rules: [
            { line: 'b', after: 'a', minMs: 300 },
            { line: 'c', after: 'b', minMs: 1000 },
          ],
        },
      ],
    });
    expect(leastDurationMs(timing)).toBe(1000);
    const intervals = makeTest({ checks: [{ check: 'intervals', pattern: 'x', minGapsMs: [0, 400, 400, 400] }] });
    expect(leastDurationMs(intervals)).toBe(1200);
    const steps = makeTest({ steps: [{ expect: 'ready' }, { waitMs: 600 }, { send: 'x' }, { waitMs: 500 }] });
    expect(leastDurationMs(steps)).toBe(1100);
    expect(isCostly(steps)).toBe(true);
    expect(leastDurationMs(makeTest({ checks: [{ check: 'exit', code: 0 }] }))).toBe(0);
  });
  it('a test that must see many worker threads is costly: each costs Node tens of ms of CPU to start', () => {
    const threads = (min: number) => makeTest({ checks: [{ check: 'threads', workers: { min } }] });
    expect(leastWorkerThreads(threads(100))).toBe(100);
    expect(isCostly(threads(100))).toBe(true);
    expect(isCostly(threads(MANY_THREADS))).toBe(true);
    expect(isCostly(threads(MANY_THREADS - 1))).toBe(false);
    expect(leastWorkerThreads(makeTest({ checks: [{ check: 'threads', workers: { max: 1 } }] }))).toBe(0);
  });
});

describe('when failures-first applies', () => {
  const console_ = [{ name: 'console' }];
  it('only on a console, outside CI, without --all-tests or --json', () => {
    expect(failuresFirstApplies({ allTests: false, choices: [], json: undefined, env: {} })).toBe(true);
    expect(failuresFirstApplies({ allTests: false, choices: console_, json: undefined, env: { CI: 'false' } })).toBe(true);
    expect(failuresFirstApplies({ allTests: true, choices: console_, json: undefined, env: {} })).toBe(false);
    expect(failuresFirstApplies({ allTests: false, choices: console_, json: 'r.json', env: {} })).toBe(false);
    expect(failuresFirstApplies({ allTests: false, choices: console_, json: undefined, env: { CI: 'true' } })).toBe(false);
    expect(failuresFirstApplies({ allTests: false, choices: [{ name: 'gradescope' }], json: undefined, env: {} })).toBe(false);
    expect(failuresFirstApplies({ allTests: false, choices: [...console_, { name: 'junit' }], json: undefined, env: {} })).toBe(false);
  });
});

describe("failures first (time-elapsed: two quick tests, a one-core timing test and the slide's 2 s sleep)", () => {
  let solutions: string;
  beforeAll(async () => {
    solutions = await mkdtemp(path.join(tmpdir(), 'failures-first-'));
    await mkdir(path.join(solutions, 'time-elapsed'));
    // Prints nothing like the expected lines, at once: every test fails.
    await writeFile(path.join(solutions, 'time-elapsed', 'solution.ts'), "console.log('hello');\n");
  });
  afterAll(() => rm(solutions, { recursive: true, force: true }));

  const gradeWrong = async (failuresFirst: boolean) => {
    const started: string[] = [];
    const reporter: Reporter = { onTestStart: (_slug, name) => void started.push(name) };
    const summary = await grade({ root, slugs: ['time-elapsed'], solutionsDir: solutions, reporters: [reporter], failuresFirst, jobs: 2 });
    return { exercise: summary.exercises[0]!, started };
  };

  it('a failed cheap test leaves the costly test not run, scoring 0, and the console says so', async () => {
    const { exercise, started } = await gradeWrong(true);
    const timing = exercise.tests.find((t) => t.name.startsWith('sleeps 0.3 seconds'))!;
    expect(timing.status).toBe('not-run');
    expect(timing.message).toBe(NOT_RUN_FIX_FAILURES);
    expect(timing.score).toBe(0);
    expect(started).not.toContain(timing.name);
    expect(exercise.tests.filter((t) => t.status === 'failed').length).toBeGreaterThan(0);
    let text = '';
    await consoleReporter({ write: (t) => (text += t), color: false }).onExerciseEnd?.(exercise);
    expect(text).toContain(`- ${timing.name} (${timing.maxScore} point${timing.maxScore === 1 ? '' : 's'}): ${NOT_RUN_FIX_FAILURES}`);
  }, 120_000);

  it('with every test run (--all-tests, CI, batch) the costly test runs and fails on its own', async () => {
    const { exercise, started } = await gradeWrong(false);
    const timing = exercise.tests.find((t) => t.name.startsWith('sleeps 0.3 seconds'))!;
    expect(timing.status).toBe('failed');
    expect(started).toContain(timing.name);
    expect(exercise.tests.some((t) => t.status === 'not-run')).toBe(false);
  }, 120_000);
});
