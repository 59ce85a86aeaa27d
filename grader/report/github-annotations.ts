import { commandData, commandProperty, truncate } from './escape.js';
import { formatPoints, testDetails, testsRan } from './details.js';
import { exerciseLocation, testLocation, type FailureLocation } from './failure-location.js';
import type { ExerciseResult, Reporter, TestResult } from './types.js';

export interface AnnotationOptions {
  /** Repository root: annotation paths are relative to it. */
  root: string;
  write?: (text: string) => void;
  /** Show hidden tests' details too (instructors). */
  showHidden?: boolean;
  /** Error annotations already raised in this step (the ci command's tampering ones): they count against the limit. */
  errorsAlreadyRaised?: number;
}

/**
 * The Actions runner keeps at most 10 error and 10 warning annotations per step and drops the rest
 * silently; past the limit the last one shown says how many more there are and where they are.
 */
export const ANNOTATIONS_PER_STEP = 10;

/**
 * The environment variable by which a parent command (ci) tells the grader how many error
 * annotations it already raised in the same step.
 */
export const ERRORS_RAISED_ENV = 'GRADER_ERROR_ANNOTATIONS_RAISED';

/** The count a parent put in ERRORS_RAISED_ENV (0 when absent or not a count). */
export function errorsRaisedBefore(env: Record<string, string | undefined>): number {
  const value = env[ERRORS_RAISED_ENV];
  return value !== undefined && /^\d+$/.test(value) ? Math.min(Number(value), ANNOTATIONS_PER_STEP) : 0;
}

/** Longest message of one annotation (GitHub shows the start of longer ones anyway). */
const MAX_MESSAGE = 4000;

/** One GitHub workflow command; every value from outside the grader is escaped so it stays inside it. */
export function workflowCommand(command: 'error' | 'warning' | 'notice', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${commandProperty(value)}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${commandData(message)}`;
}

/** An annotation before it is written, with what ranks it. */
export interface Annotation {
  slug: string;
  level: 'error' | 'warning';
  location: FailureLocation;
  title: string;
  message: string;
  /** Lower comes first: 0 could not be graded, 1 a failed test, 2 a test the grader could not run, 3 a hidden test. */
  kind: number;
  /** Position among the exercise's annotations (its first failure is the most telling). */
  rankInExercise: number;
  /** Position of the exercise in the run. */
  exerciseIndex: number;
}

function where(location: FailureLocation): Record<string, string> {
  return location.line === undefined ? { file: location.file } : { file: location.file, line: String(location.line) };
}

function render(annotation: Annotation): string {
  return workflowCommand(annotation.level, { ...where(annotation.location), title: annotation.title }, truncate(annotation.message, MAX_MESSAGE));
}

function testKind(test: TestResult, showHidden: boolean): number {
  if (test.hidden && !showHidden) return 3;
  return test.status === 'error' ? 2 : 1;
}

/** The annotations one exercise deserves: an error per failed test, or one for an exercise that could not be graded. */
export function exerciseAnnotationList(exercise: ExerciseResult, exerciseIndex: number, root: string, showHidden = false): Annotation[] {
  if (exercise.status === 'missing') {
    const message = exercise.message ?? 'No solution file.';
    return [
      {
        slug: exercise.slug,
        level: 'warning',
        location: exerciseLocation(exercise, root),
        title: `${exercise.slug}: no solution`,
        message,
        kind: 0,
        rankInExercise: 0,
        exerciseIndex,
      },
    ];
  }
  if (!testsRan(exercise)) {
    const title = `${exercise.slug}: could not be graded`;
    return [
      {
        slug: exercise.slug,
        level: 'error',
        location: exerciseLocation(exercise, root),
        title,
        message: exercise.message ?? '',
        kind: 0,
        rankInExercise: 0,
        exerciseIndex,
      },
    ];
  }
  return exercise.tests
    .filter((test) => test.status !== 'passed' && test.status !== 'not-run')
    .map((test, rankInExercise) => ({
      slug: exercise.slug,
      level: 'error' as const,
      location: testLocation(exercise, test, root, showHidden),
      title: `${exercise.slug}: ${test.name} (${formatPoints(test.score)}/${formatPoints(test.maxScore)} points)`,
      message: test.hidden && !showHidden ? 'A hidden test failed; its details are not shown.' : testDetails(test),
      kind: testKind(test, showHidden),
      rankInExercise,
      exerciseIndex,
    }));
}

/** The annotations for one exercise, as workflow commands (no limit applied). */
export function exerciseAnnotations(exercise: ExerciseResult, root: string, showHidden = false): string[] {
  return exerciseAnnotationList(exercise, 0, root, showHidden).map(render);
}

/**
 * Most useful first: exercises that could not be graded (one fix unlocks all their tests), then
 * failed tests, then tests the grader could not run, then hidden tests; within each, every
 * exercise's first failure before any exercise's second, so that the shown ones reach the most exercises.
 */
export function rankAnnotations(annotations: Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.kind - b.kind || a.rankInExercise - b.rankInExercise || a.exerciseIndex - b.exerciseIndex);
}

/** At most `limit` annotations of one level: the first `limit - 1` and one that counts the rest, when there are more. */
export function limitAnnotations(ranked: Annotation[], limit: number, level: 'error' | 'warning'): string[] {
  if (limit <= 0) return [];
  if (ranked.length <= limit) return ranked.map(render);
  const shown = ranked.slice(0, limit - 1);
  const rest = ranked.slice(limit - 1);
  const exercises = new Set(rest.map((a) => a.slug)).size;
  const what = level === 'error' ? 'failures' : 'exercises without a solution';
  const title = `${rest.length} more ${what} not annotated`;
  const message =
    `GitHub shows at most ${ANNOTATIONS_PER_STEP} ${level} annotations per step, so ${rest.length} more ${what} ` +
    `(in ${exercises} exercise${exercises === 1 ? '' : 's'}) are not annotated here. ` +
    "Every one is listed, with what was expected and what happened, in the job summary (the workflow run's Summary page) and in the log.";
  return [...shown.map(render), workflowCommand(level, { title }, message)];
}

/** Every annotation of a run, ranked and limited to what the runner keeps. */
export function runAnnotations(exercises: ExerciseResult[], root: string, showHidden = false, errorsAlreadyRaised = 0): string[] {
  const all = rankAnnotations(exercises.flatMap((exercise, index) => exerciseAnnotationList(exercise, index, root, showHidden)));
  return [
    ...limitAnnotations(
      all.filter((a) => a.level === 'error'),
      ANNOTATIONS_PER_STEP - errorsAlreadyRaised,
      'error',
    ),
    ...limitAnnotations(
      all.filter((a) => a.level === 'warning'),
      ANNOTATIONS_PER_STEP,
      'warning',
    ),
  ];
}

/** GitHub annotations (`::error file=assignments/SLUG/solution.ts,line=N,title=...::message`) on standard output, when the run ends. */
export function githubAnnotationsReporter(options: AnnotationOptions): Reporter {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  return {
    onEnd(summary) {
      for (const line of runAnnotations(summary.exercises, options.root, options.showHidden ?? false, options.errorsAlreadyRaised ?? 0)) write(`${line}\n`);
    },
  };
}
