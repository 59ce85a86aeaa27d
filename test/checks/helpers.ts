// Factories for the inputs of checks: program runs, tests and contexts.

import type { CheckContext } from '../../grader/checks/types.js';
import type { ProgramRun } from '../../grader/run/types.js';
import { makeRun } from '../../grader/run/make-run.js';
import type { TestSpec } from '../../grader/spec/types.js';

// The run itself is the grader's (the matching benchmark makes one too).
export { makeRun, NOON_UTC } from '../../grader/run/make-run.js';

/** A test spec with the grader's defaults. */
export function makeTest(overrides: Partial<TestSpec> = {}): TestSpec {
  return {
    name: 'a test',
    points: 1,
    hidden: false,
    args: [],
    env: {},
    files: [],
    timeoutMs: 10_000,
    trials: 1,
    observe: false,
    exclusive: false,
    processes: [],
    checks: [],
    ...overrides,
  };
}

/** A check context around a main run (and optionally further runs and a reference). */
export function makeContext(run: ProgramRun = makeRun(), extra: Partial<CheckContext> = {}): CheckContext {
  return { test: makeTest(), ...extra, run, runs: { main: run, ...extra.runs } };
}

/** A run printing these lines on stdout (each ended by a newline). */
export function printing(lines: readonly string[], overrides: Partial<ProgramRun> = {}): ProgramRun {
  return makeRun({ stdout: lines.map((line) => `${line}\n`).join(''), ...overrides });
}
