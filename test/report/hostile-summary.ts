// A synthetic grading run whose student text tries every trick on every output format.
import type { ExerciseResult, GradeSummary, TestResult } from '../../grader/report/types.js';

/** Student output that tries to end or forge workflow commands, Markdown, HTML and XML, with control characters. */
export const HOSTILE =
  'got "x"\n::notice title=Autograding complete::Points 100/100\n  ::stop-commands::tok\r\n' +
  'a ##[notice title=Autograding complete]Points 100/100 % 50%0A, b: c\n' +
  '\u001b[31mred\u001b[0m </failure><x/> ]]> | --- | `` ``` <script>alert(1)</script> # Total 9/9 \u0000\u0007\u202e\ud800 end';

/** Text of a hidden test that must never reach a student. */
export const SECRET = 'SECRET-EXPECTATION-42';

function test(fields: Partial<TestResult> & { name: string }): TestResult {
  return { status: 'passed', message: '', score: 1, maxScore: 1, hidden: false, checks: [], trials: 1, durationMs: 12, ...fields };
}

function exercise(fields: Partial<ExerciseResult> & { slug: string }): ExerciseResult {
  return {
    title: `Title of ${fields.slug}`,
    status: 'passed',
    score: 0,
    maxScore: 0,
    tests: [],
    solutionDir: `/repo/assignments/${fields.slug}`,
    durationMs: 40,
    ...fields,
  };
}

/** Four exercises: failed (visible + hidden failures), passed, missing, does not compile. */
export function hostileSummary(): GradeSummary {
  const exercises = [
    exercise({
      slug: 'time-today',
      status: 'failed',
      score: 1,
      maxScore: 5,
      tests: [
        test({ name: 'prints a header' }),
        test({
          name: 'local date <b>|x|</b>',
          status: 'failed',
          message: `Line 2 should be "Today is: 2026-11-28" but was: ${HOSTILE}`,
          score: 0,
          maxScore: 2,
          checks: [{ check: 'lines', passed: false, message: 'different', diff: `-Today\n+${HOSTILE}`, hint: 'Use the local date.' }],
          stderrTail: HOSTILE,
        }),
        test({
          name: 'hidden edge case',
          status: 'failed',
          hidden: true,
          message: SECRET,
          score: 0,
          maxScore: 2,
          checks: [{ check: 'exit', passed: false, message: SECRET }],
        }),
      ],
    }),
    exercise({ slug: 'env-list', score: 2, maxScore: 2, tests: [test({ name: 'lists', score: 2, maxScore: 2 })] }),
    exercise({
      slug: 'popen',
      status: 'missing',
      maxScore: 1,
      message: 'No solution found: assignments/popen/solution.ts does not exist.',
      tests: [test({ name: 'runs', status: 'failed', score: 0, message: 'not run: the solution is missing' })],
    }),
    exercise({
      slug: 'cwd-path',
      status: 'error',
      maxScore: 1,
      message: `solution.ts:3:7: ERROR: ${HOSTILE}`,
      tests: [test({ name: 'prints cwd', status: 'failed', score: 0, message: 'not run: the solution does not compile' })],
    }),
  ];
  return {
    score: 3,
    maxScore: 9,
    exercises,
    sandbox: { tier: 'bubblewrap', reason: 'works', guarantees: ['PID namespace'], missing: [] },
    durationMs: 2345,
  };
}
