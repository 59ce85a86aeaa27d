// Grading a whole class: every student of a submissions folder against every spec, with the
// tests of all students through one pool and identical submissions built once.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gradeExercise } from '../grade/grade-exercise.js';
import { loadSpecs } from '../grade/grade.js';
import { TaskPool } from '../grade/pool.js';
import type { ExerciseResult } from '../report/types.js';
import { detectSandbox } from '../run/index.js';
import type { ExerciseSpec } from '../spec/types.js';
import { buildOnce } from './build-once.js';
import { graderVersion } from './grader-version.js';
import type { BatchProgress } from './progress.js';
import { referenceMatcher } from './same-as-reference.js';
import { SCORES_FORMAT, studentScores, type BatchScores } from './scores.js';
import { isSymbolicLink, listStudents, solutionsRoot, studentsOfShard, type Shard } from './students.js';

export interface BatchOptions {
  /** The repository: specs/, reference/ and the build cache are found from here. */
  root: string;
  /** DIR of DIR/STUDENT/SLUG/. */
  submissionsDir: string;
  /** Exercises to grade; empty for every exercise that has a spec. */
  slugs: string[];
  /** Grade only this shard's students. */
  shard?: Shard;
  /** Tests run at once (default: the number of cores). */
  jobs?: number;
  /** Seed of randomised and generated tests (default BATCH_SEED: every student gets the same cases). */
  seed?: number;
  /** Where built programs are cached (default ROOT/.cache/build). */
  cacheDir?: string;
  progress?: BatchProgress;
}

/**
 * A class is graded with one seed unless told otherwise: every student meets the same generated
 * inputs and splits, and a batch graded in shards gives the same results as one graded whole.
 */
export const BATCH_SEED = 20261206;

/** Grades every student of the submissions folder (or of one shard) against every chosen spec. */
export async function gradeBatch(options: BatchOptions): Promise<BatchScores> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const submissionsDir = path.resolve(options.submissionsDir);
  const detecting = detectSandbox();
  detecting.catch(() => undefined);
  const specs = await loadSpecs(root, options.slugs);
  const sandboxInfo = await detecting;
  const students = studentsOfShard(await listStudents(submissionsDir), options.shard);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const pool = new TaskPool(jobs);
  // A few students at once keep the pool full while each finishes in turn.
  const studentsAtOnce = new TaskPool(Math.max(2, jobs));
  const shared = {
    cacheDir: options.cacheDir ?? path.join(root, '.cache', 'build'),
    pool,
    build: buildOnce(),
    seed: options.seed ?? BATCH_SEED,
  };
  const sameAsReference = referenceMatcher();
  const version = graderVersion(root);
  options.progress?.start(students.length);
  const scores = await Promise.all(
    students.map((student) =>
      studentsAtOnce.run(async () => {
        const studentStarted = performance.now();
        const dir = await solutionsRoot(submissionsDir, student);
        const references = new Set<string>();
        const results = await Promise.all(
          specs.map(async (spec) => {
            const solutionDir = path.join(dir, spec.slug);
            if (await isSymbolicLink(solutionDir)) return linkedFolder(spec, solutionDir);
            const referenceDir = path.join(root, 'reference', spec.slug);
            if (await sameAsReference(solutionDir, referenceDir)) references.add(spec.slug);
            return gradeExercise(spec, { ...shared, solutionDir, referenceDir });
          }),
        );
        const result = studentScores(student, results, references);
        options.progress?.studentDone(result, performance.now() - studentStarted);
        return result;
      }),
    ),
  );
  options.progress?.end();
  return {
    format: SCORES_FORMAT,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    exercises: specs.map((spec) => ({ exercise: spec.slug, maxPoints: spec.tests.reduce((sum, t) => sum + t.points, 0) })),
    students: scores,
    sandbox: { tier: sandboxInfo.tier, reason: sandboxInfo.reason, guarantees: sandboxInfo.guarantees, missing: sandboxInfo.missing },
    durationMs: Math.round(performance.now() - started),
    graderVersion: await version,
    gradedAt: new Date().toISOString(),
  };
}

/** An exercise folder that is a symbolic link is not graded: it could point at anything (another student, the reference). */
function linkedFolder(spec: ExerciseSpec, solutionDir: string): ExerciseResult {
  const maxScore = spec.tests.reduce((sum, t) => sum + t.points, 0);
  return {
    slug: spec.slug,
    title: spec.title,
    status: 'missing',
    score: 0,
    maxScore,
    message: `${solutionDir} is a symbolic link, not a folder: not graded.`,
    tests: spec.tests.map((t) => ({
      name: t.name,
      status: 'failed',
      message: 'not run: the solution folder is a symbolic link',
      score: 0,
      maxScore: t.points,
      hidden: t.hidden,
      checks: [],
      trials: 1,
      durationMs: 0,
    })),
    solutionDir,
    durationMs: 0,
  };
}
