// Helpers for the tests that grade the whole catalog: references must pass, known-bad variants
// must fail in the way their spec says. The grading itself is `npm run check`'s (grader/instructor/).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TaskPool } from '../../grader/grade/pool.js';
import { isMeasurementError } from '../../grader/grade/measurement-doubt.js';
import { describeFailures as describe, gradeSolution } from '../../grader/instructor/grade-solution.js';
import type { ExerciseResult, TestResult } from '../../grader/report/types.js';
import type { ExerciseSpec } from '../../grader/spec/types.js';
import { cpuSlowdown } from '../run/helpers.js';

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

/**
 * How much slower than on an idle machine CPU work runs now (1 idle; about the runnable tasks
 * per core under load). At 2 or more, the grader's observer may be starved, and its honest doubt
 * (a test reported as the grader's error, "not your fault") is the right verdict, not a defect.
 */
const BUSY_SLOWDOWN = 2;

/** True when the machine is busy enough right now for the grader to doubt its own measurements. */
export function machineIsBusy(): boolean {
  return cpuSlowdown() >= BUSY_SLOWDOWN;
}

/** The tests that did not pass, less those the grader could not measure while the machine was busy (its doubt, never a pass). */
export function unexplainedFailures(result: ExerciseResult): TestResult[] {
  const notPassed = result.tests.filter((t) => t.status !== 'passed');
  const doubted = notPassed.filter(isMeasurementError);
  if (doubted.length === 0 || !machineIsBusy()) return notPassed;
  return notPassed.filter((t) => !doubted.includes(t));
}
