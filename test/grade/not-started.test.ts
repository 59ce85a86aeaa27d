// A solution that is still the starter gets one line for its exercise, not the same failure per test.
import { describe, expect, it } from 'vitest';
import { notStartedMessage } from '../../grader/grade/not-started.js';
import { consoleReporter } from '../../grader/report/console.js';
import type { ExerciseResult, TestResult } from '../../grader/report/types.js';

const STARTER = 'time-today: not implemented yet (see the TODOs in assignments/time-today/solution.ts)';

function failedWith(stderr: string, checkMessage = 'Your program printed nothing on stdout.'): TestResult {
  return {
    name: `test ${stderr.length}`,
    status: 'failed',
    message: checkMessage,
    score: 0,
    maxScore: 1,
    hidden: false,
    trials: 1,
    durationMs: 1,
    checks: [
      { check: 'exit', passed: false, message: `Your program should exit with status 0, but it exited with status 1. It printed on stderr: \`${stderr}\`.` },
    ],
  };
}

const passed: TestResult = { name: 'ok', status: 'passed', message: '', score: 1, maxScore: 1, hidden: false, checks: [], trials: 1, durationMs: 1 };

describe('a solution that is still the starter', () => {
  it('is recognised when every test failed on the starter\'s "not implemented yet" (quoted in a check or in the stderr tail)', () => {
    const inTail: TestResult = { ...failedWith('x'), checks: [{ check: 'lines', passed: false, message: 'Line 1 is missing.' }], stderrTail: STARTER };
    expect(notStartedMessage([failedWith(STARTER), inTail], 'assignments/time-today/solution.ts')).toBe(
      'not started: assignments/time-today/solution.ts still says "not implemented yet" (its README.md says what to write)',
    );
  });

  it('is not when some test passed or failed for another reason', () => {
    expect(notStartedMessage([failedWith(STARTER), passed], 's.ts')).toBeUndefined();
    expect(notStartedMessage([failedWith(STARTER), failedWith('TypeError: x is undefined')], 's.ts')).toBeUndefined();
    expect(notStartedMessage([], 's.ts')).toBeUndefined();
  });

  it('takes one line of the console report', async () => {
    const tests = [failedWith(STARTER), failedWith(STARTER), failedWith(STARTER)];
    const exercise: ExerciseResult = {
      slug: 'time-today',
      title: 'Today',
      status: 'failed',
      score: 0,
      maxScore: 3,
      solutionDir: '/x',
      durationMs: 5,
      tests,
      notStarted: true,
      message: notStartedMessage(tests, 'assignments/time-today/solution.ts')!,
    };
    let text = '';
    await consoleReporter({ write: (t) => (text += t), color: false }).onExerciseEnd?.(exercise);
    expect(text.trimEnd().split('\n')).toEqual([expect.stringMatching(/^✗ time-today +0\/3 {2}not started: assignments\/time-today\/solution\.ts still says/)]);
  });
});
