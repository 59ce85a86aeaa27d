// A class's batch scores made without grading (grading 40 students × every exercise takes far
// too long on 2 cores): the real specs' exercises, tests and points, and results of the shapes
// the grader produces (TestResult with failed checks, hints, stderr), turned into scores by the
// batch's own studentScores(). Kinds of submission, as in `npm run bench -- --batch`: copies of
// the reference, of the starter, known-bad variants, and missing exercises.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCORES_FORMAT, studentScores, type BatchScores } from '../../grader/batch/scores.js';
import { loadSpecs } from '../../grader/grade/grade.js';
import { seededRandom } from '../../grader/run/feed.js';
import type { CheckResult, ExerciseResult, TestResult } from '../../grader/report/types.js';
import type { ExerciseSpec, TestSpec } from '../../grader/spec/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A student name and an output line that would run script if the page did not escape them. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_OUTPUT = '</pre><script>alert(2)</script><img src=y onerror=alert(3)>';

export type SubmissionKind = 'reference' | 'starter' | 'known-bad' | 'missing' | 'does-not-compile';

export const TWO_AS_ONE_HINT = 'Two messages arrived as one (`Spam 004Spam 000`): print each message with its "\\n", and split what you read at "\\n".';

function passedTest(test: TestSpec): TestResult {
  return {
    name: test.name,
    status: 'passed',
    message: '',
    score: test.points,
    maxScore: test.points,
    hidden: test.hidden,
    checks: [],
    trials: test.trials,
    durationMs: 40,
  };
}

function failedTest(test: TestSpec, check: CheckResult, stderrTail?: string): TestResult {
  return {
    name: test.name,
    status: 'failed',
    message: check.message,
    score: 0,
    maxScore: test.points,
    hidden: test.hidden,
    checks: [check],
    trials: test.trials,
    durationMs: 55,
    ...(stderrTail === undefined ? {} : { stderrTail }),
    rerun: `node .cache/run/solution.mjs`,
  };
}

// The failures of the shapes the checks write (grader/checks/): quoted output in backquotes, numbers.
function starterFailure(line: number): CheckResult {
  return {
    check: 'output',
    passed: false,
    message: `Nothing should be missing on stdout, but your program printed nothing (line ${line} expected).`,
    hint: 'The starter prints nothing yet: write the solution in solution.ts.',
  };
}

function knownBadFailure(line: number, output: string): CheckResult {
  return { check: 'framing', passed: false, message: `Line ${line} of stdout is \`${output}\`: two messages were joined into one.`, hint: TWO_AS_ONE_HINT };
}

function exitFailure(code: number): CheckResult {
  return {
    check: 'exit',
    passed: false,
    message: `Your program should exit with status 0, but it exited with status ${code}.`,
    hint: 'Set process.exitCode instead of calling process.exit() after a write.',
  };
}

function exerciseResult(spec: ExerciseSpec, tests: TestResult[], extra: Partial<ExerciseResult> = {}): ExerciseResult {
  const score = tests.reduce((sum, t) => sum + t.score, 0);
  const maxScore = spec.tests.reduce((sum, t) => sum + t.points, 0);
  const status = tests.every((t) => t.status === 'passed') ? 'passed' : 'failed';
  return { slug: spec.slug, title: spec.title, status, score, maxScore, tests, solutionDir: `/submissions/x/${spec.slug}`, durationMs: 100, ...extra };
}

/** One student's exercise of the given kind. The first exercise's last test is failed by every
 * submission but the reference (a spec to check); the reference fails the second exercise's last test. */
function graded(spec: ExerciseSpec, index: number, kind: SubmissionKind, student: number, output: string): ExerciseResult {
  const last = spec.tests.length - 1;
  switch (kind) {
    case 'missing':
      return exerciseResult(
        spec,
        spec.tests.map((t) => ({ ...failedTest(t, starterFailure(1)), message: 'not run: the solution is missing', checks: [] })),
        {
          status: 'missing',
          message: `No solution found: submissions/s${student}/${spec.slug}/solution.ts does not exist.`,
        },
      );
    case 'does-not-compile':
      return exerciseResult(
        spec,
        spec.tests.map((t) => ({ ...failedTest(t, starterFailure(1)), message: 'not run: the solution does not compile', checks: [] })),
        {
          status: 'error',
          message: `solution.ts:3:7: ERROR: Expected ";" but found "x"`,
        },
      );
    case 'starter':
      return exerciseResult(
        spec,
        spec.tests.map((t, i) => failedTest(t, starterFailure(i + 1))),
      );
    case 'known-bad':
      return exerciseResult(
        spec,
        spec.tests.map((t, i) =>
          i === 0
            ? failedTest(t, knownBadFailure(2 + (student % 5), output), output)
            : i === last && index === 0
              ? failedTest(t, exitFailure(1))
              : passedTest(t),
        ),
      );
    case 'reference':
      return exerciseResult(
        spec,
        spec.tests.map((t, i) => (i === last && index === 1 && spec.tests.length > 1 ? failedTest(t, exitFailure(3)) : passedTest(t))),
      );
  }
}

/** The kind of submission a student made for an exercise: student 0 hands in the references. */
function kindOf(student: number, exercise: number, next: () => number): SubmissionKind {
  if (student === 0) return 'reference';
  const draw = next();
  if (student === 7 && exercise === 3) return 'does-not-compile';
  if (draw < 1 / 7) return 'missing';
  if (draw < 0.3) return 'starter';
  if (draw < 0.55 || exercise === 0) return 'known-bad';
  return 'reference';
}

/** The scores of `students` generated students against every spec of the repository. */
export async function generatedBatch(options: { students: number; seed?: number }): Promise<{ scores: BatchScores; kinds: SubmissionKind[][] }> {
  const specs = await loadSpecs(ROOT, []);
  const next = seededRandom(options.seed ?? 17);
  const kinds: SubmissionKind[][] = [];
  const students = Array.from({ length: options.students }, (_, s) => {
    const name = s === 3 ? HOSTILE_NAME : `student-${String(s).padStart(2, '0')}`;
    const output = s === 5 ? HOSTILE_OUTPUT : `Spam 00${s % 10}Spam 000`;
    const row = specs.map((_, e) => kindOf(s, e, next));
    kinds.push(row);
    const results = specs.map((spec, e) => graded(spec, e, row[e]!, s, output));
    const references = new Set(specs.filter((_, e) => row[e] === 'reference').map((spec) => spec.slug));
    return studentScores(name, results, references);
  });
  return {
    scores: {
      format: SCORES_FORMAT,
      exercises: specs.map((spec) => ({ exercise: spec.slug, maxPoints: spec.tests.reduce((sum, t) => sum + t.points, 0) })),
      students,
      sandbox: { tier: 'bubblewrap', reason: 'generated', guarantees: ['no network', 'private /tmp'], missing: [] },
      durationMs: 123_000,
      graderVersion: '0.1.0 (commit 0000000)',
      gradedAt: '2026-12-06T18:00:00.000Z',
    },
    kinds,
  };
}
