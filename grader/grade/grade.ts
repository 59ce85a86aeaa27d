import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { detectSandbox } from '../run/index.js';
import type { ExerciseResult, GradeSummary, Reporter, SandboxSummary } from '../report/types.js';
import { loadSpec } from '../spec/load.js';
import type { ExerciseSpec } from '../spec/types.js';
import { gradeExercise } from './grade-exercise.js';
import { TaskPool } from './pool.js';
import { UsageError } from '../util/usage-error.js';

export interface GradeOptions {
  /** The repository: specs/, reference/ and the build cache are found from here. */
  root: string;
  /** Exercises to grade; empty for every exercise that has a spec. */
  slugs: string[];
  /** Folder holding one solution folder per slug (default ROOT/assignments). */
  solutionsDir?: string;
  /**
   * Grade the solutions of this language (grader/languages/): DIR/SLUG/LANGUAGE/ when that folder
   * holds its entry file, else DIR/SLUG/. Default: each folder's own (the entry file it holds).
   */
  language?: string;
  /** Tests run at once (default: the number of cores). */
  jobs?: number;
  /** Seed for every test (to replay a failure). */
  seed?: number;
  /** The pool tests run through (default: a new one of `jobs` places). */
  pool?: TaskPool;
  /** Where built programs are cached (default ROOT/.cache/build). */
  cacheDir?: string;
  /**
   * Cheap tests first, and an exercise's costly tests not run once a cheap one failed (a
   * student's console). Default false: every test runs (CI, batch, export: scores never depend on order).
   */
  failuresFirst?: boolean;
  /** Specs already loaded (then `slugs` is not read): repeated gradings of one catalog. */
  specs?: ExerciseSpec[];
  reporters: Reporter[];
}

export { UsageError };

/** Every spec slug in the specs folder, sorted. */
export async function listSpecSlugs(specsDir: string): Promise<string[]> {
  const names = await readdir(specsDir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** Loads the specs of the chosen exercises (throws SpecError for a bad one, UsageError for an unknown slug). */
export async function loadSpecs(root: string, slugs: string[]): Promise<ExerciseSpec[]> {
  const specsDir = path.join(root, 'specs');
  const known = await listSpecSlugs(specsDir);
  const unknown = slugs.filter((slug) => !known.includes(slug));
  if (unknown.length > 0) {
    throw new UsageError(`No exercise named ${unknown.map((s) => `"${s}"`).join(', ')}. Known exercises: ${known.join(', ') || '(none)'}.`);
  }
  const chosen = slugs.length > 0 ? [...new Set(slugs)] : known;
  return Promise.all(chosen.map((slug) => loadSpec(path.join(specsDir, `${slug}.yaml`))));
}

/** Grades the chosen exercises and tells every reporter; resolves with the summary. */
export async function grade(options: GradeOptions): Promise<GradeSummary> {
  const started = Date.now();
  const root = path.resolve(options.root);
  const solutionsDir = path.resolve(root, options.solutionsDir ?? 'assignments');
  // The trial bubblewrap run (~80 ms, once per process) overlaps loading the specs.
  const detecting = detectSandbox();
  detecting.catch(() => undefined);
  const specs = options.specs ?? (await loadSpecs(root, options.slugs));
  const sandboxInfo = await detecting;
  const sandbox: SandboxSummary = {
    tier: sandboxInfo.tier,
    reason: sandboxInfo.reason,
    guarantees: sandboxInfo.guarantees,
    missing: sandboxInfo.missing,
  };
  const emit = async (call: (reporter: Reporter) => void | Promise<void>): Promise<void> => {
    for (const reporter of options.reporters) await call(reporter);
  };
  await emit((r) => r.onStart?.({ slugs: specs.map((s) => s.slug), sandbox, solutionsDir }));
  const pool = options.pool ?? new TaskPool(Math.max(1, options.jobs ?? availableParallelism()));
  const cacheDir = options.cacheDir ?? path.join(root, '.cache', 'build');
  const exercises: ExerciseResult[] = await Promise.all(
    specs.map(async (spec) => {
      const result = await gradeExercise(spec, {
        solutionDir: path.join(solutionsDir, spec.slug),
        ...(options.language === undefined ? {} : { language: options.language }),
        referenceDir: path.join(root, 'reference', spec.slug),
        cacheDir,
        pool,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.failuresFirst === true ? { failuresFirst: true } : {}),
        onTestStart: (name) => emit((r) => r.onTestStart?.(spec.slug, name)),
        onTestResult: (test) => emit((r) => r.onTestResult?.(spec.slug, test)),
      });
      await emit((r) => r.onExerciseEnd?.(result));
      return result;
    }),
  );
  const summary: GradeSummary = {
    score: exercises.reduce((sum, e) => sum + e.score, 0),
    maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
    exercises,
    sandbox,
    durationMs: Date.now() - started,
  };
  await emit((r) => r.onEnd?.(summary));
  return summary;
}
