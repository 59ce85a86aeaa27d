import { commandData, commandProperty, truncate } from './escape.js';
import { formatPoints, solutionFile, testDetails, testsRan } from './details.js';
import type { ExerciseResult, Reporter } from './types.js';

export interface AnnotationOptions {
  /** Repository root: annotation paths are relative to it. */
  root: string;
  write?: (text: string) => void;
  /** Show hidden tests' details too (instructors). */
  showHidden?: boolean;
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

/** The annotations for one exercise: an error per failed test, or one for an exercise that could not be graded. */
export function exerciseAnnotations(exercise: ExerciseResult, root: string, showHidden = false): string[] {
  const file = solutionFile(root, exercise);
  if (exercise.status === 'missing') {
    return [workflowCommand('warning', { file, title: `${exercise.slug}: no solution` }, exercise.message ?? 'No solution file.')];
  }
  if (!testsRan(exercise)) {
    return [workflowCommand('error', { file, title: `${exercise.slug}: could not be graded` }, truncate(exercise.message ?? '', MAX_MESSAGE))];
  }
  return exercise.tests
    .filter((test) => test.status !== 'passed')
    .map((test) => {
      const title = `${exercise.slug}: ${test.name} (${formatPoints(test.score)}/${formatPoints(test.maxScore)} points)`;
      const message = test.hidden && !showHidden ? 'A hidden test failed; its details are not shown.' : testDetails(test);
      return workflowCommand('error', { file, title }, truncate(message, MAX_MESSAGE));
    });
}

/** GitHub annotations (`::error file=assignments/SLUG/solution.ts,title=...::message`) on standard output. */
export function githubAnnotationsReporter(options: AnnotationOptions): Reporter {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  return {
    onExerciseEnd(exercise) {
      for (const line of exerciseAnnotations(exercise, options.root, options.showHidden ?? false)) write(`${line}\n`);
    },
  };
}
