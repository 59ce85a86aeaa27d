// The figures of a class report, computed from a batch's scores: pure functions, no HTML.
import type { BatchScores, ExerciseScore, StudentScores, TestScore } from '../batch/scores.js';
import { messageClass } from './message-class.js';

/** A test counts as failed by "nearly every student" from this share of the students it ran for... */
export const NEARLY_EVERY_STUDENT = 0.9;
/** ...and only when it ran for at least this many students (two failures out of two prove little). */
export const MIN_STUDENTS_FOR_SPEC_DOUBT = 3;
/** How many of the most failed tests the report lists. */
export const MOST_FAILED_SHOWN = 15;

/** How many students got each score in one exercise (every score from 0 to the maximum, and any fractional one). */
export interface ScoreBin {
  points: number;
  students: number;
}

/** One exercise across the class. */
export interface ExerciseFigures {
  exercise: string;
  maxPoints: number;
  /** Students whose solution was there (graded, whether it compiled or not). */
  submitted: number;
  missing: number;
  /** Students whose every test passed. */
  passed: number;
  /** passed / all students of the batch (0 when there are none). */
  passShare: number;
  /** The scores of the students who submitted. */
  distribution: ScoreBin[];
  /** Why the spec may be at fault, one sentence per test (empty when nothing points at it). */
  checkSpec: string[];
}

/** The most frequent value and how often it came. */
export interface MostCommon {
  text: string;
  count: number;
}

/** One test that students failed. */
export interface FailedTest {
  exercise: string;
  test: string;
  /** Students whose solution ran this test and did not pass it. */
  failed: number;
  /** Students whose solution ran this test (not missing, compiled). */
  ran: number;
  /** Submissions identical to the reference that failed it. */
  referencesFailed: number;
  /** The most common class of the first failure's message. */
  messageClass?: MostCommon;
  /** The hint given most often. */
  hint?: MostCommon;
}

/** One cell of the students × exercises grid. */
export interface GridCell {
  exercise: string;
  points: number;
  maxPoints: number;
  status: ExerciseScore['status'];
  reference: boolean;
  /** points / maxPoints (1 for an exercise worth nothing that passed). */
  share: number;
}

export interface GridRow {
  student: string;
  points: number;
  maxPoints: number;
  cells: GridCell[];
}

export interface ClassFigures {
  students: number;
  exercises: ExerciseFigures[];
  /** Tests failed by at least one student, most failed first (all of them; the page shows the first MOST_FAILED_SHOWN). */
  failedTests: FailedTest[];
  grid: GridRow[];
}

/** Whether an exercise's tests ran (a missing or non-compiling solution's tests did not). */
export function testsRan(exercise: ExerciseScore): boolean {
  return exercise.status !== 'missing' && !(exercise.status === 'error' && exercise.message !== undefined);
}

/** Every figure of the report. */
export function classFigures(scores: BatchScores): ClassFigures {
  const failedTests = collectFailedTests(scores);
  return {
    students: scores.students.length,
    exercises: scores.exercises.map((e) => exerciseFigures(scores, e.exercise, e.maxPoints, failedTests)),
    failedTests,
    grid: scores.students.map((s) => gridRow(s, scores.exercises)),
  };
}

function exerciseOf(student: StudentScores, exercise: string): ExerciseScore | undefined {
  return student.exercises.find((e) => e.exercise === exercise);
}

function exerciseFigures(scores: BatchScores, exercise: string, maxPoints: number, failedTests: readonly FailedTest[]): ExerciseFigures {
  const results = scores.students.map((s) => exerciseOf(s, exercise));
  const submitted = results.filter((r): r is ExerciseScore => r !== undefined && r.status !== 'missing');
  const passed = submitted.filter((r) => r.status === 'passed').length;
  return {
    exercise,
    maxPoints,
    submitted: submitted.length,
    missing: scores.students.length - submitted.length,
    passed,
    passShare: scores.students.length === 0 ? 0 : passed / scores.students.length,
    distribution: distribution(
      submitted.map((r) => r.points),
      maxPoints,
    ),
    checkSpec: failedTests.filter((t) => t.exercise === exercise).flatMap(specDoubt),
  };
}

/** Counts per score: every whole score from 0 to max (so empty ones show), plus any other score that occurs. */
export function distribution(points: readonly number[], maxPoints: number): ScoreBin[] {
  const counts = new Map<number, number>();
  for (let p = 0; p <= Math.floor(maxPoints); p++) counts.set(p, 0);
  for (const p of points) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([p, students]) => ({ points: p, students }));
}

/** Why a test's failures may be the spec's: a reference failed it, or nearly every student did. */
export function specDoubt(test: FailedTest): string[] {
  if (test.referencesFailed > 0) {
    const who = test.referencesFailed === 1 ? 'a submission identical to the reference' : `${test.referencesFailed} submissions identical to the reference`;
    return [`${who} failed "${test.test}"`];
  }
  if (test.ran >= MIN_STUDENTS_FOR_SPEC_DOUBT && test.failed >= NEARLY_EVERY_STUDENT * test.ran) {
    return [`${test.failed} of the ${test.ran} students it ran for failed "${test.test}"`];
  }
  return [];
}

function mostCommon(values: readonly string[]): MostCommon | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: MostCommon | undefined;
  // The first seen wins a tie, so the result does not depend on the map's order.
  for (const [text, count] of counts) if (best === undefined || count > best.count) best = { text, count };
  return best;
}

function collectFailedTests(scores: BatchScores): FailedTest[] {
  const byTest = new Map<string, { exercise: string; test: string; ran: number; referencesFailed: number; failures: TestScore[] }>();
  for (const student of scores.students) {
    for (const exercise of student.exercises) {
      if (!testsRan(exercise)) continue;
      for (const test of exercise.tests) {
        const key = `${exercise.exercise}\u0000${test.name}`;
        let entry = byTest.get(key);
        if (entry === undefined) {
          entry = { exercise: exercise.exercise, test: test.name, ran: 0, referencesFailed: 0, failures: [] };
          byTest.set(key, entry);
        }
        entry.ran += 1;
        if (test.status === 'passed') continue;
        entry.failures.push(test);
        if (exercise.reference === true) entry.referencesFailed += 1;
      }
    }
  }
  const failed = [...byTest.values()]
    .filter((e) => e.failures.length > 0)
    .map((e): FailedTest => {
      const messageClassFound = mostCommon(e.failures.filter((t) => t.message !== undefined).map((t) => messageClass(t.check, t.message!)));
      const hint = mostCommon(e.failures.flatMap((t) => (t.hint === undefined ? [] : [t.hint])));
      return {
        exercise: e.exercise,
        test: e.test,
        failed: e.failures.length,
        ran: e.ran,
        referencesFailed: e.referencesFailed,
        ...(messageClassFound === undefined ? {} : { messageClass: messageClassFound }),
        ...(hint === undefined ? {} : { hint }),
      };
    });
  const order = new Map(scores.exercises.map((e, i) => [e.exercise, i]));
  return failed.sort((a, b) => b.failed - a.failed || (order.get(a.exercise) ?? 0) - (order.get(b.exercise) ?? 0));
}

/** A student's row, its cells in the batch's order of exercises (one not in the student's results counts as missing). */
function gridRow(student: StudentScores, exercises: BatchScores['exercises']): GridRow {
  return {
    student: student.student,
    points: student.points,
    maxPoints: student.maxPoints,
    cells: exercises.map(({ exercise, maxPoints }): GridCell => {
      const e = exerciseOf(student, exercise);
      if (e === undefined) return { exercise, points: 0, maxPoints, status: 'missing', reference: false, share: 0 };
      const share = e.maxPoints === 0 ? (e.status === 'passed' ? 1 : 0) : e.points / e.maxPoints;
      return { exercise, points: e.points, maxPoints: e.maxPoints, status: e.status, reference: e.reference === true, share };
    }),
  };
}
