// Which tests are costly: they run after an exercise's cheap tests, and are skipped when a cheap
// test already failed (failures-first grading, the default of `npm run grade` on a console).
import { feedRunCount } from '../run/feed.js';
import type { TestSpec } from '../spec/types.js';

/**
 * A test is costly when it repeats the program (trials > 1: amplified races, repeated timing; a
 * feed split in several ways: one run after another, each waiting for the program to be up),
 * holds the machine (exclusive: timing-sensitive), runs generated cases against the reference
 * (generate), lasts by its own checks about a second or more (a statement's sleep: see
 * SLOW_TEST_MS), or must see many threads (MANY_THREADS). Every other test runs the program once
 * on a fixed input, briefly: cheap and deterministic, so its failure is the first thing a student
 * should see.
 */
export function isCostly(test: Pick<TestSpec, 'trials' | 'exclusive' | 'generate' | 'feed' | 'checks' | 'steps'>): boolean {
  const repeated = test.trials > 1 || (test.feed !== undefined && feedRunCount(test.feed) > 1);
  return (
    repeated || test.exclusive !== false || test.generate !== undefined || leastDurationMs(test) >= SLOW_TEST_MS || leastWorkerThreads(test) >= MANY_THREADS
  );
}

/**
 * A test whose `threads` check asks for this many worker threads or more is costly: each Worker
 * costs Node tens of ms of CPU to start (thread-counter's slide test, 100 threads: 5.5 s of CPU,
 * docs/speed.md), so such a test is no quick first verdict.
 */
export const MANY_THREADS = 32;

/** The most worker threads a `threads` check of the test requires (its `workers.min`), 0 if none. */
export function leastWorkerThreads(test: Pick<TestSpec, 'checks'>): number {
  let most = 0;
  for (const check of test.checks) {
    if (check.check !== 'threads' || typeof check.workers !== 'object' || check.workers === null) continue;
    most = Math.max(most, numberOr0((check.workers as { min?: unknown }).min));
  }
  return most;
}

/**
 * A test that its own checks make last this long cannot report a failure within the 1 s goal
 * (a program's start adds ~0.1 s): it runs with the costly tests, after the quick ones.
 */
export const SLOW_TEST_MS = 900;

const numberOr0 = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * The least wall time a test lasts by its own spec: the waits of its steps, an `elapsed` lower
 * bound, the longest `timing` gap, the span of an `intervals` check (the sum of its gaps).
 */
export function leastDurationMs(test: Pick<TestSpec, 'checks' | 'steps'>): number {
  let least = (test.steps ?? []).reduce((sum, step) => sum + ('waitMs' in step ? step.waitMs : 0), 0);
  for (const check of test.checks) {
    if (check.check === 'elapsed') least = Math.max(least, numberOr0(check.minMs));
    if (check.check === 'timing' && Array.isArray(check.rules)) {
      for (const rule of check.rules as unknown[]) least = Math.max(least, numberOr0((rule as { minMs?: unknown }).minMs));
    }
    if (check.check === 'intervals' && Array.isArray(check.minGapsMs)) {
      least = Math.max(
        least,
        (check.minGapsMs as unknown[]).reduce<number>((sum, gap) => sum + numberOr0(gap), 0),
      );
    }
  }
  return least;
}

/** What a costly test skipped by failures-first grading reports. */
export const NOT_RUN_FIX_FAILURES = 'not run: fix the failures above first';
