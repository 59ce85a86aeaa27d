// What the machine-read formats (annotations, job summary, Gradescope, JUnit) say about one test
// or exercise, so that they all say the same. The text is raw: each format escapes it (escape.ts).
import type { ExerciseResult, TestResult } from './types.js';

/** Said instead of a hidden test's details. */
export const HIDDEN_DETAILS = 'A hidden test: only whether it passed is shown.';

/** Points as people write them: 2, 1.5. */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 100) / 100);
}

/** Whether a test's details may be shown (hidden tests' only to instructors). */
export function showsDetails(test: TestResult, showHidden: boolean): boolean {
  return !test.hidden || showHidden;
}

/** A failed test's details: its message, each failed check's message, diff and hint, stderr tail and rerun line. */
export function testDetails(test: TestResult): string {
  const parts: string[] = [];
  const trial = test.failedTrial ? ` (trial ${test.failedTrial} of ${test.trials}${test.seed === undefined ? '' : `, seed ${test.seed}`})` : '';
  if (test.message) parts.push(test.message + trial);
  for (const check of test.checks.filter((c) => !c.passed)) {
    if (check.message && check.message !== test.message) parts.push(check.message);
    if (check.diff) parts.push(check.diff);
    if (check.hint) parts.push(`Hint: ${check.hint}`);
  }
  if (test.stderrTail) parts.push(`Your program wrote on stderr:\n${test.stderrTail}`);
  if (test.rerun) parts.push(`Run it yourself: ${test.rerun}`);
  return parts.join('\n');
}

/** What may be said about a test: its details, or only whether it passed when it is hidden. */
export function visibleDetails(test: TestResult, showHidden: boolean): string {
  if (!showsDetails(test, showHidden)) return `${HIDDEN_DETAILS} It ${test.status === 'passed' ? 'passed' : 'failed'}.`;
  return test.status === 'passed' ? 'Passed.' : testDetails(test);
}

/** Whether the exercise's tests ran (not missing, and it compiled). */
export function testsRan(exercise: ExerciseResult): boolean {
  return exercise.status !== 'missing' && !(exercise.status === 'error' && exercise.message);
}
