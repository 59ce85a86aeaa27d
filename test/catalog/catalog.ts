// Helpers for the tests that grade the whole catalog: references must pass, known-bad variants
// must fail in the way their spec says. The grading itself is `npm run check`'s (grader/instructor/).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TaskPool } from '../../grader/grade/pool.js';
import { describeFailures as describe, gradeSolution } from '../../grader/instructor/grade-solution.js';
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
  return gradeSolution(spec, solutionDir, { root, pool, ...(onlyTests ? { onlyTests } : {}) });
}

/** A failure summary for assertion messages. */
export function describeFailures(result: ExerciseResult): string {
  return describe(result);
}
