// A solution that is still the starter: every test failed on the starter's own "not implemented
// yet" message. The student gets one line for the exercise instead of the same failure per test.
import type { TestResult } from '../report/types.js';

/** What every starter prints on stderr (assignments/SLUG/solution.ts). */
const STARTER_WORDS = 'not implemented yet';

function mentionsStarter(test: TestResult): boolean {
  const texts = [test.stderrTail ?? '', test.message, ...test.checks.filter((c) => !c.passed).map((c) => c.message)];
  return texts.some((text) => text.includes(STARTER_WORDS));
}

/**
 * The one-line message for an exercise whose every test failed on the starter's "not implemented
 * yet" (undefined when the student has started: some test passed, or failed otherwise).
 */
export function notStartedMessage(tests: readonly TestResult[], solutionFile: string): string | undefined {
  if (tests.length === 0 || !tests.every((test) => test.status === 'failed' && mentionsStarter(test))) return undefined;
  return `not started: ${solutionFile} still says "${STARTER_WORDS}" (its README.md says what to write)`;
}
