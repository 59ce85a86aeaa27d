// One exercise's mutation run for its Python reference (reference/SLUG/python/): the mutants of
// its .py files (grader/mutation/python/mutants.py), each a copy of the folder with one file
// changed and built by the Python plug-in like a student's solution, graded against the spec as
// the TypeScript run grades its mutants (fastest tests first, first failure ends it, the same
// timeout cap, the same outcomes), recorded in specs/mutation/SLUG.python.results.json.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSolution } from '../build/build.js';
import type { BuiltProgram } from '../build/types.js';
import { gradeTest, type TestGradingContext } from '../grade/grade-test.js';
import type { TaskPool } from '../grade/pool.js';
import { loadSpec } from '../spec/load.js';
import type { ExerciseSpec, TestSpec } from '../spec/types.js';
import { loadEquivalents, unmatchedEquivalents } from './equivalents.js';
import { cappedTimeout, gradeMutant, MutationSetupError, type MutationRunOptions } from './mutate-exercise.js';
import { pythonSourceFiles, referenceMutants, type PythonMutant } from './python-mutants.js';
import { equivalentsFile, mutationFingerprint, referenceFolder, type MutationResult } from './results.js';

const LANGUAGE = 'python';

export async function mutatePythonExercise(options: MutationRunOptions): Promise<MutationResult> {
  const started = Date.now();
  const { root, slug, pool } = options;
  const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
  const referenceDir = referenceFolder(root, slug, LANGUAGE);
  const entry = `${spec.entry}.py`;
  if (!existsSync(path.join(referenceDir, entry)))
    throw new MutationSetupError(`there is no Python reference: ${path.relative(root, path.join(referenceDir, entry))}`);
  const equivalents = await loadEquivalents(equivalentsFile(root, slug, LANGUAGE));
  const fingerprint = await mutationFingerprint(root, slug, LANGUAGE);
  const workDir = await mkdtemp(path.join(os.tmpdir(), `grader-mutate-py-${slug}-`));
  try {
    const mutants = await referenceMutants(referenceDir);
    const reference = tsReference(spec, root);
    const durations = await baseline(spec, root, referenceDir, reference, pool);
    // No instrumentation slows a Python mutant: the spec's own timeouts, capped as TypeScript's are.
    const tests = [...spec.tests]
      .sort((a, b) => (durations.get(a.name) ?? 0) - (durations.get(b.name) ?? 0))
      .map((test) => cappedTimeout(test, durations.get(test.name)));
    const files = await pythonSourceFiles(referenceDir);
    let done = 0;
    const outcomes = await Promise.all(
      mutants.map(async (mutant) => {
        // A build (a syntax check by python3) takes a place of the pool like a test.
        const program = (): Promise<BuiltProgram> => pool.run(() => buildMutant(mutant, { referenceDir, files, workDir, entry: spec.entry }));
        const outcome = await gradeMutant(mutant.site, tests, program, equivalents, { slug, pool, reference, specTests: spec.tests });
        options.onMutant?.(outcome, ++done, mutants.length);
        return outcome;
      }),
    );
    const sites = mutants.map((m) => m.site);
    const unmatched = unmatchedEquivalents(equivalents, sites).map((e) => `${e.at} ${e.mutator} -> ${e.replacement}`);
    return {
      slug,
      language: LANGUAGE,
      fingerprint,
      ranAt: new Date().toISOString(),
      durationMs: Date.now() - started,
      variable: 'visible',
      mutants: outcomes,
      ...(unmatched.length > 0 ? { unmatchedEquivalents: unmatched } : {}),
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The spec's reference for `reference` checks and generated tests: reference/SLUG/ as any grading uses it. */
function tsReference(spec: ExerciseSpec, root: string): () => Promise<BuiltProgram> {
  let build: Promise<BuiltProgram> | undefined;
  const referenceDir = path.join(root, 'reference', spec.slug);
  return () => {
    build ??= buildSolution(referenceDir, { cacheDir: path.join(root, '.cache', 'build'), entry: spec.entry }).then((r) => {
      if (!r.ok) throw new Error(`the reference solution in ${referenceDir} does not build:\n${r.message}`);
      return r.program;
    });
    return build;
  };
}

/** Grades the unmutated Python reference (twice at most: a timing test may fail once under load); each test's duration. */
async function baseline(
  spec: ExerciseSpec,
  root: string,
  referenceDir: string,
  reference: () => Promise<BuiltProgram>,
  pool: TaskPool,
): Promise<Map<string, number>> {
  const build = await buildSolution(referenceDir, { cacheDir: path.join(root, '.cache', 'build'), entry: spec.entry, language: LANGUAGE });
  if (!build.ok) throw new MutationSetupError(`the Python reference does not build:\n${build.message}`);
  const context: TestGradingContext = { slug: spec.slug, program: build.program, reference };
  const failures: string[] = [];
  for (let attempt = 1; attempt <= 2; attempt++) {
    const results = await Promise.all(spec.tests.map((test: TestSpec) => pool.run(() => gradeTest(test, context), test.exclusive)));
    const failed = results.filter((r) => r.status !== 'passed');
    if (failed.length === 0) return new Map(results.map((r) => [r.name, r.durationMs]));
    failures.push(failed.map((r) => `"${r.name}": ${r.message}`).join('; '));
  }
  throw new MutationSetupError(`the Python reference does not pass every test (${failures.join(' | ')})`);
}

interface MutantFolder {
  referenceDir: string;
  /** The reference's .py files (the mutated one among them). */
  files: readonly string[];
  workDir: string;
  entry: string;
}

/**
 * The mutant's program: the reference's .py files copied with the mutated one replaced, built
 * by the Python plug-in into the run's own cache (removed with it). It reports the reference's
 * folder as its sources, so that a traceback names reference/SLUG/python/FILE at the mutant's
 * line, which is the reference's line.
 */
async function buildMutant(mutant: PythonMutant, folder: MutantFolder): Promise<BuiltProgram> {
  const dir = path.join(folder.workDir, 'mutants', mutant.site.id);
  await mkdir(dir, { recursive: true });
  for (const file of folder.files) {
    if (file === mutant.site.file) await writeFile(path.join(dir, file), mutant.source);
    else await copyFile(path.join(folder.referenceDir, file), path.join(dir, file));
  }
  try {
    const build = await buildSolution(dir, { cacheDir: path.join(folder.workDir, 'build'), entry: folder.entry, language: LANGUAGE });
    if (!build.ok) throw new Error(build.message);
    return { ...build.program, sourceDir: folder.referenceDir };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
