// Factories for the inputs of checks: program runs, tests and contexts.

import type { CheckContext } from '../../grader/checks/types.js';
import type { ProgramRun } from '../../grader/run/types.js';
import type { TestSpec } from '../../grader/spec/types.js';

/** 2025-11-27T12:00:00.000Z, a fixed clock for runs. */
export const NOON_UTC = Date.UTC(2025, 10, 27, 12, 0, 0);

/** A run that exited 0 after 100 ms at NOON_UTC, printing `stdout`; any field can be overridden. */
export function makeRun(overrides: Partial<ProgramRun> = {}): ProgramRun {
  const startedAt = overrides.startedAt ?? NOON_UTC;
  const elapsedMs = overrides.elapsedMs ?? 100;
  return {
    name: 'main',
    stdout: '',
    stderr: '',
    exitCode: 0,
    signal: null,
    ending: 'exited',
    elapsedMs,
    totalMs: overrides.totalMs ?? elapsedMs,
    startedAt,
    endedAt: overrides.endedAt ?? startedAt + elapsedMs,
    env: { PATH: '/usr/bin:/bin', HOME: '/work', LANG: 'C.UTF-8', TZ: 'UTC' },
    truncated: false,
    ...overrides,
  };
}

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
