// Grades one solution folder against a spec (or some of its tests), the way the grader does,
// with the repository's reference for `reference` checks. Shared by `npm run check` and the
// catalog tests.
import path from 'node:path';
import { gradeExercise } from '../grade/grade-exercise.js';
import type { TaskPool } from '../grade/pool.js';
import type { ExerciseResult } from '../report/types.js';
import type { ExerciseSpec } from '../spec/types.js';

export interface SolutionGradingOptions {
  /** The repository: reference/ and the build cache are found from here. */
  root: string;
  pool: TaskPool;
  /** Grade only the tests of these names (default: every test). */
  onlyTests?: readonly string[];
  /** The solution's language (default: the one whose entry file the folder holds). */
  language?: string;
}

/** Grades `solutionDir` against `spec` (optionally only some of its tests). */
export function gradeSolution(spec: ExerciseSpec, solutionDir: string, options: SolutionGradingOptions): Promise<ExerciseResult> {
  const only = options.onlyTests;
  const tests = only === undefined ? spec.tests : spec.tests.filter((t) => only.includes(t.name));
  return gradeExercise(
    { ...spec, tests },
    {
      solutionDir,
      referenceDir: path.join(options.root, 'reference', spec.slug),
      cacheDir: path.join(options.root, '.cache', 'build'),
      pool: options.pool,
      ...(options.language === undefined ? {} : { language: options.language }),
    },
  );
}

/** The failures of a result, one line per failed test, for messages to instructors. */
export function describeFailures(result: ExerciseResult): string {
  if (result.message) return result.message;
  return result.tests
    .filter((t) => t.status !== 'passed')
    .map(
      (t) =>
        `${t.name}: ${
          t.checks
            .filter((c) => !c.passed)
            .map((c) => `[${c.check}] ${c.message}`)
            .join(' | ') || t.message
        }`,
    )
    .join('\n');
}
