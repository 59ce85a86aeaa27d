// Which tests are costly: they run after an exercise's cheap tests, and are skipped when a cheap
// test already failed (failures-first grading, the default of `npm run grade` on a console).
import { feedRunCount } from '../run/feed.js';
import type { TestSpec } from '../spec/types.js';

/**
 * A test is costly when it repeats the program (trials > 1: amplified races, repeated timing; a
 * feed split in several ways: one run after another, each waiting for the program to be up),
 * holds the machine (exclusive: timing-sensitive), or runs generated cases against the reference
 * (generate). Every other test runs the program once on a fixed input: cheap and deterministic,
 * so its failure is the first thing a student should see.
 */
export function isCostly(test: Pick<TestSpec, 'trials' | 'exclusive' | 'generate' | 'feed'>): boolean {
  const repeated = test.trials > 1 || (test.feed !== undefined && feedRunCount(test.feed) > 1);
  return repeated || test.exclusive !== false || test.generate !== undefined;
}

/** What a costly test skipped by failures-first grading reports. */
export const NOT_RUN_FIX_FAILURES = 'not run: fix the failures above first';
