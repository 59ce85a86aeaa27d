import path from 'node:path';
import { buildSolution, type BuildOptions } from '../build/build.js';
import { LANGUAGES, locateSolution, type SolutionLocation } from '../languages/index.js';
import type { BuildResult, BuiltProgram } from '../build/types.js';
import type { ExerciseResult, TestResult, TestStatus } from '../report/types.js';
import type { ExerciseSpec, TestSpec } from '../spec/types.js';
import { gradeTest } from './grade-test.js';
import { notStartedMessage } from './not-started.js';
import type { TaskPool } from './pool.js';
import { isCostly, NOT_RUN_FIX_FAILURES } from './test-cost.js';

export interface ExerciseGradingOptions {
  solutionDir: string;
  /**
   * The solution's language (grader/languages/): its entry file, in SOLUTION_DIR/LANGUAGE/ when
   * that folder holds it (reference/SLUG/python/). Default: the language whose entry file is there.
   */
  language?: string;
  referenceDir: string;
  cacheDir: string;
  pool: TaskPool;
  seed?: number;
  /** Builds a solution folder (default buildSolution; batch grading shares identical builds). */
  build?: (sourceDir: string, options: BuildOptions) => Promise<BuildResult>;
  /**
   * Cheap tests first; when one fails, the costly ones (test-cost.ts) are not run and are
   * reported as such (default false: every test runs, as CI, batch and export gradings need).
   */
  failuresFirst?: boolean;
  /** A test has left the pool's queue and started. */
  onTestStart?: (name: string) => void | Promise<void>;
  onTestResult?: (result: TestResult) => void | Promise<void>;
}

/** Builds one solution and grades it against its spec (tests run through the shared pool). */
export async function gradeExercise(spec: ExerciseSpec, options: ExerciseGradingOptions): Promise<ExerciseResult> {
  const started = Date.now();
  const maxScore = spec.tests.reduce((sum, test) => sum + test.points, 0);
  const base: ExerciseResult = {
    slug: spec.slug,
    title: spec.title,
    status: 'passed',
    score: 0,
    maxScore,
    tests: [],
    solutionDir: options.solutionDir,
    entry: spec.entry,
    durationMs: 0,
  };
  const finish = (result: ExerciseResult): ExerciseResult => ({ ...result, durationMs: Date.now() - started });
  const location = locateSolution(options.solutionDir, spec.entry, options.language);
  const unlocated = notLocated(spec, location, options.language !== undefined);
  if (unlocated !== undefined) return finish({ ...base, ...unlocated });
  if (!location.found) throw new Error('unreachable: a solution that is not found is reported above');
  const entryFile = location.entryFile;
  const located = { ...base, solutionDir: location.dir, language: location.language.name };
  const builder = options.build ?? buildSolution;
  // Through the pool: a build uses the cores too, and must not run beside an exclusive test.
  const build = await options.pool.run(() => builder(location.dir, { cacheDir: options.cacheDir, entry: spec.entry, language: location.language.name }));
  if (!build.ok) {
    return finish({
      ...located,
      status: 'error',
      message: build.message,
      tests: spec.tests.map((test) => notRun(test.name, test.points, test.hidden, 'not run: the solution does not compile')),
    });
  }
  let referenceBuild: Promise<BuiltProgram> | undefined;
  const reference = (): Promise<BuiltProgram> => {
    referenceBuild ??= builder(options.referenceDir, {
      cacheDir: options.cacheDir,
      entry: spec.entry,
      language: referenceLanguage(options.referenceDir, spec.entry),
    }).then((r) => {
      if (!r.ok) throw new Error(`the reference solution in ${options.referenceDir} does not build:\n${r.message}`);
      return r.program;
    });
    return referenceBuild;
  };
  const context = { slug: spec.slug, program: build.program, reference, ...(options.seed === undefined ? {} : { seed: options.seed }) };
  const runTest = (test: TestSpec): Promise<TestResult> =>
    options.pool.run(async () => {
      await options.onTestStart?.(test.name);
      const result = await gradeTest(test, context);
      await options.onTestResult?.(result);
      return result;
    }, test.exclusive);
  const tests = await runTests(spec, options, runTest);
  const score = tests.reduce((sum, test) => sum + test.score, 0);
  const status = tests.some((t) => t.status === 'error') ? 'error' : tests.every((t) => t.status === 'passed') ? 'passed' : 'failed';
  const notStarted = notStartedMessage(tests, path.relative(process.cwd(), entryFile));
  if (notStarted !== undefined) return finish({ ...located, status, score, tests, message: notStarted, notStarted: true });
  return finish({ ...located, status, score, tests });
}

/**
 * Runs the spec's tests through the pool, the results in the spec's order. Failures first: the
 * cheap tests, then the costly ones only when every cheap one passed (else they are not run).
 */
async function runTests(spec: ExerciseSpec, options: ExerciseGradingOptions, runTest: (test: TestSpec) => Promise<TestResult>): Promise<TestResult[]> {
  const results = new Map<TestSpec, TestResult>();
  const runAll = async (chosen: TestSpec[]): Promise<void> => {
    const done = await Promise.all(chosen.map(runTest));
    chosen.forEach((test, i) => results.set(test, done[i]!));
  };
  if (options.failuresFirst === true) {
    await runAll(spec.tests.filter((test) => !isCostly(test)));
    const costly = spec.tests.filter(isCostly);
    if ([...results.values()].some((result) => result.status !== 'passed')) {
      for (const test of costly) {
        const skipped = notRun(test.name, test.points, test.hidden, NOT_RUN_FIX_FAILURES, 'not-run');
        results.set(test, skipped);
        await options.onTestResult?.(skipped);
      }
    } else {
      await runAll(costly);
    }
  } else {
    await runAll(spec.tests);
  }
  return spec.tests.map((test) => results.get(test)!);
}

/** The result of an exercise whose solution is not there, or is there twice (undefined when found). */
function notLocated(spec: ExerciseSpec, location: SolutionLocation, languageAsked: boolean): Partial<ExerciseResult> | undefined {
  if (location.found) return undefined;
  if (location.ambiguous) {
    return {
      status: 'error',
      message: location.message,
      tests: spec.tests.map((test) => notRun(test.name, test.points, test.hidden, 'not run: two solutions in one folder')),
    };
  }
  const others = languageAsked ? [] : LANGUAGES.filter((l) => l !== location.language).map((l) => `${spec.entry}${l.extension}`);
  const alternatives = others.length === 0 ? '' : ` (nor ${others.join(', ')})`;
  return {
    solutionDir: location.dir,
    language: location.language.name,
    status: 'missing',
    message: `No solution found: ${path.relative(process.cwd(), location.entryFile)} does not exist${alternatives}.`,
    tests: spec.tests.map((test) => notRun(test.name, test.points, test.hidden, 'not run: the solution is missing')),
  };
}

/** The language of the reference whose outputs a solution is compared with (TypeScript when both are there). */
function referenceLanguage(referenceDir: string, entry: string): string | undefined {
  const location = locateSolution(referenceDir, entry);
  return 'language' in location ? location.language.name : undefined;
}

function notRun(name: string, points: number, hidden: boolean, message: string, status: TestStatus = 'failed'): TestResult {
  return { name, status, message, score: 0, maxScore: points, hidden, checks: [], trials: 1, durationMs: 0 };
}
