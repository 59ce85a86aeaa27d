// Helpers for the tests that grade the whole catalog: references must pass, known-bad variants
// must fail in the way their spec says.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gradeExercise } from '../../grader/grade/grade-exercise.js';
import { TaskPool } from '../../grader/grade/pool.js';
import type { ExerciseResult } from '../../grader/report/types.js';
import type { ExerciseSpec } from '../../grader/spec/types.js';

export const root = path.resolve(import.meta.dirname, '../..');

/** Slugs that have a spec (read at collection time, so each gets its own test). */
export function specSlugs(): string[] {
  return readdirSync(path.join(root, 'specs'))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => n.slice(0, -5))
    .sort();
}

/** Known-bad variants of a slug that exist on disk. */
export function variantsOf(slug: string): string[] {
  const dir = path.join(root, 'reference', slug, 'wrong');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

const pool = new TaskPool(2);

/** Grades `solutionDir` against `spec` (optionally only some of its tests). */
export function gradeWith(spec: ExerciseSpec, solutionDir: string, onlyTests?: string[]): Promise<ExerciseResult> {
  const tests = onlyTests ? spec.tests.filter((t) => onlyTests.includes(t.name)) : spec.tests;
  return gradeExercise(
    { ...spec, tests },
    {
      solutionDir,
      referenceDir: path.join(root, 'reference', spec.slug),
      cacheDir: path.join(root, '.cache', 'build'),
      pool,
    },
  );
}

/** A failure summary for assertion messages. */
export function describeFailures(result: ExerciseResult): string {
  if (result.message) return result.message;
  return result.tests
    .filter((t) => t.status !== 'passed')
    .map((t) => `${t.name}: ${t.checks.filter((c) => !c.passed).map((c) => `[${c.check}] ${c.message}`).join(' | ') || t.message}`)
    .join('\n');
}
