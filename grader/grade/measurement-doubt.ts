// When the grader doubts its own measurement of a test (see CheckOutcome.doubt), the test is run
// again a bounded number of times; a doubt that stays is the grader's error, never a failure.
import type { CheckResult, TestResult } from '../report/types.js';

/** Runs of a test in all (the first and the re-runs) while its checks leave the grader in doubt. */
export const MEASUREMENT_ATTEMPTS = 3;

/**
 * True when a check of attempt `attempt` is in doubt and attempts are left. Even beside a sure
 * failure: the failure stands either way, but every check's own message should be measured (a
 * known-bad variant must be rejected by the check meant to catch it).
 */
export function shouldMeasureAgain(checks: readonly CheckResult[], attempt: number): boolean {
  return attempt < MEASUREMENT_ATTEMPTS && checks.some((c) => c.doubt !== undefined);
}

/** The message of a test the grader could not measure: the reason, and that it is not the student's fault. */
export function measurementError(reason: string, attempts: number): string {
  const runs = attempts === 1 ? 'once' : `${attempts} times`;
  return `The grader could not measure this test (it ran it ${runs}): ${reason}. This is not your fault and says nothing about your program; grade again, on a less busy machine if it persists.`;
}

/** True when a test's result is the grader's own doubt (measurementError), not a verdict on the program. */
export function isMeasurementError(test: Pick<TestResult, 'status' | 'checks'>): boolean {
  return test.status === 'error' && test.checks.some((check) => check.doubt !== undefined);
}
