// One exercise's mutation run: instrument the reference, check that the instrumented build with
// no mutant switched on passes every test, then grade each mutant, bailing at its first failed
// test. Tests run fastest first (from the baseline's durations), so that most mutants die cheaply.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSolution } from '../build/build.js';
import type { BuiltProgram } from '../build/types.js';
import { gradeTest, type TestGradingContext } from '../grade/grade-test.js';
import type { TaskPool } from '../grade/pool.js';
import type { TestResult } from '../report/types.js';
import { ACTIVE_MUTANT_VARIABLE } from '../sandbox/environment.js';
import { loadSpec } from '../spec/load.js';
import type { ExerciseSpec, TestSpec } from '../spec/types.js';
import { loadEquivalents, namesMutant, unmatchedEquivalents, type EquivalentMutant } from './equivalents.js';
import { instrumentReference, type MutantSite, type VariableMode } from './instrument.js';
import { equivalentsFile, mutationFingerprint, type MutantOutcome, type MutationResult } from './results.js';

export interface MutationRunOptions {
  root: string;
  slug: string;
  pool: TaskPool;
  /** Told as each mutant's outcome is known. */
  onMutant?: (outcome: MutantOutcome, done: number, total: number) => void;
}

/** Thrown when an exercise cannot be mutation-tested at all (its instrumented reference fails). */
export class MutationSetupError extends Error {}

/** A value of __STRYKER_ACTIVE_MUTANT__ that is no mutant's id: every switch stays off. */
const NO_MUTANT = 'none';

export async function mutateExercise(options: MutationRunOptions): Promise<MutationResult> {
  const started = Date.now();
  const { root, slug, pool } = options;
  const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
  const equivalents = await loadEquivalents(equivalentsFile(root, slug));
  const fingerprint = await mutationFingerprint(root, slug);
  const workDir = await mkdtemp(path.join(os.tmpdir(), `grader-mutate-${slug}-`));
  try {
    const prepared = await prepare(spec, root, workDir, pool);
    const tests = spec.tests
      .map(instrumentedTest)
      .sort((a, b) => (prepared.durations.get(a.name) ?? 0) - (prepared.durations.get(b.name) ?? 0))
      .map((test) => cappedTimeout(test, prepared.durations.get(test.name)));
    let done = 0;
    const mutants = await Promise.all(
      prepared.mutants.map(async (site) => {
        const program = (): Promise<BuiltProgram> => Promise.resolve({ ...prepared.program, activeMutant: site.id });
        const outcome = await gradeMutant(site, tests, program, equivalents, { slug, pool, reference: prepared.reference, specTests: spec.tests });
        options.onMutant?.(outcome, ++done, prepared.mutants.length);
        return outcome;
      }),
    );
    const unmatched = unmatchedEquivalents(equivalents, prepared.mutants).map((e) => `${e.at} ${e.mutator} -> ${e.replacement}`);
    return {
      slug,
      fingerprint,
      ranAt: new Date().toISOString(),
      durationMs: Date.now() - started,
      variable: prepared.variable,
      mutants,
      ...(unmatched.length > 0 ? { unmatchedEquivalents: unmatched } : {}),
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The instrumented build tests a mutant switch at every mutable expression, so it runs slower
 * than the reference (thread-counter's locked additions: 1.7 x the CPU time): its runs, the
 * baseline's and the mutants', get this many times the spec's timeout. A longer limit can only
 * turn a "timed out" mutant into a killed or surviving one, never hide a hang.
 */
export const INSTRUMENTED_TIMEOUT_FACTOR = 2;

/** A test as the instrumented build runs it: the spec's timeout times the factor above. */
export function instrumentedTest(test: TestSpec): TestSpec {
  return { ...test, timeoutMs: test.timeoutMs * INSTRUMENTED_TIMEOUT_FACTOR };
}

/**
 * A mutant that hangs would hold a test for its whole timeout: like Stryker, stop it at three
 * times the baseline's time plus 5 s when that is shorter than the (instrumented) test's timeout
 * (a mutant stopped there is reported as timed out, with both limits).
 */
export function cappedTimeout(test: TestSpec, baselineMs: number | undefined): TestSpec {
  if (baselineMs === undefined) return test;
  const cap = Math.ceil((3 * baselineMs) / test.trials) + 5000;
  return cap < test.timeoutMs ? { ...test, timeoutMs: cap } : test;
}

/** Which limit a timed-out mutant hit, when it is not the spec's own timeout. */
function timeoutReason(test: TestSpec, spec: readonly TestSpec[]): string | undefined {
  const own = spec.find((t) => t.name === test.name)?.timeoutMs;
  if (own === undefined || own === test.timeoutMs) return undefined;
  const limit = test.timeoutMs === own * INSTRUMENTED_TIMEOUT_FACTOR ? `${INSTRUMENTED_TIMEOUT_FACTOR} x the spec's timeout` : "3 x the baseline's time + 5 s";
  return `stopped after ${test.timeoutMs} ms: ${limit} (the spec allows ${own} ms)`;
}

interface Prepared {
  program: BuiltProgram;
  mutants: MutantSite[];
  variable: VariableMode;
  /** Each test's duration in the baseline run. */
  durations: Map<string, number>;
  reference: () => Promise<BuiltProgram>;
}

/**
 * Instruments and builds the reference, and grades it with no mutant on. The variable is left
 * visible to the program unless that makes the baseline fail (a program that lists its own
 * environment) and hiding it does not.
 */
async function prepare(spec: ExerciseSpec, root: string, workDir: string, pool: TaskPool): Promise<Prepared> {
  const cacheDir = path.join(root, '.cache', 'build');
  const referenceDir = path.join(root, 'reference', spec.slug);
  let referenceBuild: Promise<BuiltProgram> | undefined;
  const reference = (): Promise<BuiltProgram> => {
    referenceBuild ??= buildSolution(referenceDir, { cacheDir, entry: spec.entry }).then((r) => {
      if (!r.ok) throw new Error(`the reference solution in ${referenceDir} does not build:\n${r.message}`);
      return r.program;
    });
    return referenceBuild;
  };
  const failures: string[] = [];
  let showsVariable = false;
  for (const variable of ['visible', 'hidden'] as const) {
    const instrumented = await instrumentReference(referenceDir, path.join(workDir, variable), variable);
    const build = await buildSolution(instrumented.dir, { cacheDir, entry: spec.entry });
    if (!build.ok) throw new MutationSetupError(`the instrumented reference does not build:\n${build.message}`);
    const program = { ...build.program, sourceDir: referenceDir };
    const context: TestGradingContext = { slug: spec.slug, program: { ...program, activeMutant: NO_MUTANT }, reference };
    // Twice at most: a timing test may fail once on a loaded machine.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const results = await Promise.all(spec.tests.map(instrumentedTest).map((test) => pool.run(() => gradeTest(test, context), test.exclusive)));
      const failed = results.filter((r) => r.status !== 'passed');
      if (failed.length === 0) {
        return { program, mutants: instrumented.mutants, variable, durations: new Map(results.map((r) => [r.name, r.durationMs])), reference };
      }
      failures.push(`with the variable ${variable}: ${failed.map((r) => `"${r.name}": ${r.message}`).join('; ')}`);
      // Hiding the variable (children and workers then run unmutated) only for a program that shows it.
      showsVariable ||= failed.some((r) => JSON.stringify(r).includes(ACTIVE_MUTANT_VARIABLE));
      if (showsVariable || variable === 'hidden') break;
    }
    if (!showsVariable) break;
  }
  throw new MutationSetupError(`the instrumented reference, no mutant switched on, does not pass every test (${failures.join(' | ')})`);
}

export interface MutantContext {
  slug: string;
  /** The spec's tests as written (their own timeouts). */
  specTests: readonly TestSpec[];
  pool: TaskPool;
  reference: () => Promise<BuiltProgram>;
}

/**
 * Grades one mutant (unless the equivalents file names it): the tests in the order given until
 * the first that fails. `program` makes the mutant's program (TypeScript: the instrumented build
 * with its switch on; Python: the build of its own copy); one that cannot be made is an error.
 */
export async function gradeMutant(
  site: MutantSite,
  tests: readonly TestSpec[],
  program: () => Promise<BuiltProgram>,
  equivalents: readonly EquivalentMutant[],
  context: MutantContext,
): Promise<MutantOutcome> {
  const equivalent = equivalents.find((e) => namesMutant(e, site));
  if (equivalent) return { ...site, status: 'equivalent', reason: equivalent.reason };
  let built: BuiltProgram;
  try {
    built = await program();
  } catch (error) {
    return { ...site, status: 'error', reason: `the mutant could not be built: ${error instanceof Error ? error.message : String(error)}` };
  }
  const grading: TestGradingContext = { slug: context.slug, program: built, reference: context.reference };
  const passed: string[] = [];
  for (const test of tests) {
    let result = await context.pool.run(() => gradeTest(test, grading), test.exclusive);
    // A grader error says nothing about the mutant: once more, then it is reported as an error.
    if (result.status === 'error') result = await context.pool.run(() => gradeTest(test, grading), test.exclusive);
    if (result.status === 'error') return { ...site, status: 'error', reason: `${test.name}: ${result.message}` };
    if (result.status === 'failed') {
      if (!timedOut(result)) return { ...site, status: 'killed', killedBy: test.name };
      const reason = timeoutReason(test, context.specTests);
      return { ...site, status: 'timed-out', killedBy: test.name, ...(reason === undefined ? {} : { reason }) };
    }
    passed.push(test.name);
  }
  return { ...site, status: 'survived', passed };
}

/** The test failed because a run did not end in time (not because of what it printed). */
function timedOut(result: TestResult): boolean {
  const failed = result.checks.find((c) => !c.passed);
  return failed?.check === 'ending' && /still running after|printed nothing|no progress/i.test(failed.message);
}
