// A made-up run of a program, for what needs a ProgramRun without running anything: the
// matching benchmark, and the tests of checks.
import type { ProgramRun } from './types.js';

/** 2025-11-27T12:00:00.000Z, a fixed clock for made-up runs. */
export const NOON_UTC = Date.UTC(2025, 10, 27, 12, 0, 0);

/** A run of `main` that exited 0 after 100 ms at NOON_UTC, printing nothing; any field can be overridden. */
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
