// The scores of a batch: one row per student and exercise, as JSON (mergeable) and as CSV.
import { testDetails, testsRan } from '../report/details.js';
import { plainText, truncate } from '../report/escape.js';
import type { ExerciseResult, ExerciseStatus, SandboxSummary, TestResult, TestStatus } from '../report/types.js';
import type { Shard } from './students.js';

/** Identifies the JSON of batch scores (and its version). */
export const SCORES_FORMAT = 'os-practice-batch-scores/1';

/** One test of one student's exercise. */
export interface TestScore {
  name: string;
  status: TestStatus;
  points: number;
  maxPoints: number;
  /** Why it did not pass (the first failure's message). */
  message?: string;
  /** The kind of the first failed check ("lines", "exit", "ending", ...). */
  check?: string;
  /** The hint the student was given with the first failed check (a pitfall's sentence first). */
  hint?: string;
  /** What the student's console showed for the failed test (plain text, cut to DETAILS_MAX_CHARS). */
  details?: string;
}

/** One student's exercise. */
export interface ExerciseScore {
  exercise: string;
  points: number;
  maxPoints: number;
  status: ExerciseStatus;
  /** Why it could not be graded (missing, does not compile). */
  message?: string;
  /** The submission's sources are the reference solution's (so its failures are the spec's). */
  reference?: boolean;
  tests: TestScore[];
}

/** One student's scores. */
export interface StudentScores {
  student: string;
  points: number;
  maxPoints: number;
  exercises: ExerciseScore[];
}

/** The JSON file of a batch (a shard's, or the merge of every shard). */
export interface BatchScores {
  format: typeof SCORES_FORMAT;
  /** The shard graded; absent for a whole class (or a merge). */
  shard?: Shard;
  /** Every exercise graded, with its points, in order. */
  exercises: Array<{ exercise: string; maxPoints: number }>;
  students: StudentScores[];
  sandbox: SandboxSummary;
  /** Wall time of the grading (for a merge: the longest shard's). */
  durationMs: number;
  /** The grader that graded: package version and commit (absent in files of older graders). */
  graderVersion?: string;
  /** When the grading ended, as an ISO 8601 UTC time (for a merge: the latest shard's). */
  gradedAt?: string;
}

/** Longest console text kept per failed test in the scores (the JSON stays a few MB for a class). */
export const DETAILS_MAX_CHARS = 4000;

/** A test's score, with what the student was told when it failed. */
export function testScore(test: TestResult, ran = true): TestScore {
  const score: TestScore = { name: test.name, status: test.status, points: test.score, maxPoints: test.maxScore };
  if (test.status === 'passed') return score;
  if (test.message !== '') score.message = test.message;
  // A test that never ran (missing solution, compile error) has only the exercise's reason.
  if (!ran) return score;
  const failed = test.checks.find((c) => !c.passed);
  if (failed !== undefined) score.check = failed.check;
  if (failed?.hint) score.hint = failed.hint;
  const details = plainText(testDetails(test));
  if (details !== '') score.details = truncate(details, DETAILS_MAX_CHARS);
  return score;
}

/** A student's scores from their graded exercises (`references`: the slugs whose sources are the reference's). */
export function studentScores(student: string, results: readonly ExerciseResult[], references: ReadonlySet<string> = new Set()): StudentScores {
  const exercises = results.map((r): ExerciseScore => ({
    exercise: r.slug,
    points: r.score,
    maxPoints: r.maxScore,
    status: r.status,
    ...(r.message === undefined ? {} : { message: r.message }),
    ...(references.has(r.slug) ? { reference: true } : {}),
    tests: r.tests.map((t) => testScore(t, testsRan(r))),
  }));
  return {
    student,
    points: exercises.reduce((sum, e) => sum + e.points, 0),
    maxPoints: exercises.reduce((sum, e) => sum + e.maxPoints, 0),
    exercises,
  };
}

/** One CSV field: quoted when needed (RFC 4180), and never read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV: a header, then one row per student and exercise (student, exercise, points, maxPoints, status). */
export function scoresCsv(scores: BatchScores): string {
  const lines = ['student,exercise,points,maxPoints,status'];
  for (const student of scores.students) {
    for (const e of student.exercises) {
      lines.push([student.student, e.exercise, e.points, e.maxPoints, e.status].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Checks that parsed JSON is a batch scores file; throws an Error saying what is wrong. */
export function asBatchScores(value: unknown, source: string): BatchScores {
  const object = value as Partial<BatchScores> | null;
  if (typeof object !== 'object' || object === null || object.format !== SCORES_FORMAT) {
    throw new Error(`${source} is not a batch scores file (its "format" is not "${SCORES_FORMAT}")`);
  }
  if (!Array.isArray(object.students) || !Array.isArray(object.exercises)) {
    throw new Error(`${source} has no "students" or "exercises" list`);
  }
  return object as BatchScores;
}
