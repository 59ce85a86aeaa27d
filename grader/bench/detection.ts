// The per-trial detection rate of the racy known-bad variants and racy mutants of one exercise:
// each one's test is graded with ONE trial, many times, on the machine as it is and with every
// core kept busy (CPU burners); from the share of single trials that rejected it, the one-sided
// 95 % Clopper-Pearson lower bound p on the rate, and the least number of trials k with
// (1 - p)^k < 0.001: at least 99.9 % of gradings then reject it. The reference's costly tests,
// as the spec writes them, must pass every loaded and idle grading.
// `npm run bench -- --races --per-trial SLUG [--spec FILE] [--runs N] [--reference-runs M]`.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildSolution } from '../build/build.js';
import type { BuiltProgram } from '../build/types.js';
import { gradeTest } from '../grade/grade-test.js';
import { TaskPool } from '../grade/pool.js';
import { isCostly } from '../grade/test-cost.js';
import { describeFailures, gradeSolution } from '../instructor/grade-solution.js';
import { classifyRejection } from '../instructor/rejection.js';
import { instrumentReference } from '../mutation/instrument.js';
import { readResults } from '../mutation/results.js';
import type { ExerciseSpec, TestSpec } from '../spec/types.js';
import { startBurners } from './burners.js';
import { RACY_VARIANTS } from './races.js';

/** The miss probability a grading may have at most. */
export const MISS_GOAL = 0.001;
/** One-sided confidence of the lower bound on a detection rate. */
export const CONFIDENCE = 0.95;

export type Condition = 'as is' | 'loaded';

export interface DetectionFigure {
  /** "variant NAME" or "mutant ID (line L: original -> replacement)". */
  target: string;
  test: string;
  condition: Condition;
  trials: number;
  detected: number;
  /** One way a trial missed it, if any. */
  miss?: string;
}

export interface ReferenceRun {
  condition: Condition;
  runs: number;
  passed: number;
  failure?: string;
}

export interface DetectionReport {
  slug: string;
  loadBefore: number[];
  figures: DetectionFigure[];
  references: ReferenceRun[];
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

/** P(X >= x) for X ~ Binomial(n, p). */
function upperTail(n: number, x: number, p: number): number {
  if (x <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let total = 0;
  for (let i = x; i <= n; i++) total += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
  return Math.min(1, total);
}

/** The one-sided Clopper-Pearson lower bound on a rate seen x times in n (0 when x = 0). */
export function rateLowerBound(x: number, n: number, confidence = CONFIDENCE): number {
  if (x <= 0 || n <= 0) return 0;
  const alpha = 1 - confidence;
  if (x === n) return alpha ** (1 / n);
  // P(X >= x | p) grows with p: the least p where it reaches alpha.
  let low = 0;
  let high = 1;
  for (let step = 0; step < 60; step++) {
    const mid = (low + high) / 2;
    if (upperTail(n, x, mid) < alpha) low = mid;
    else high = mid;
  }
  return high;
}

/** The least number of independent trials that miss with probability below `goal` at rate p. */
export function trialsNeeded(p: number, goal = MISS_GOAL): number {
  if (p <= 0) return Infinity;
  if (p >= 1) return 1;
  let k = Math.max(1, Math.ceil(Math.log(goal) / Math.log(1 - p)));
  while ((1 - p) ** k >= goal) k++;
  return k;
}

interface Target {
  label: string;
  test: TestSpec;
  /** Grades one trial: true when it rejected the target as intended; else how it missed. */
  trial: (test: TestSpec) => Promise<true | string>;
}

function oneTrial(test: TestSpec): TestSpec {
  return { ...test, trials: 1 };
}

/** The known-bad variants of the spec whose test is costly or whose rejection is known to be racy. */
function variantTargets(spec: ExerciseSpec, root: string, pool: TaskPool): Target[] {
  const racy = new Set(RACY_VARIANTS.filter(([slug]) => slug === spec.slug).map(([, variant]) => variant));
  return Object.entries(spec.mustReject).flatMap(([variant, expectation]) => {
    const tests = spec.tests.filter((t) => expectation.tests.includes(t.name));
    if (tests.length === 0 || (!racy.has(variant) && !tests.some(isCostly))) return [];
    const dir = path.join(root, 'reference', spec.slug, 'wrong', variant);
    return [
      {
        label: `variant ${variant}`,
        test: tests[0]!,
        trial: async () => {
          const result = await gradeSolution({ ...spec, tests: tests.map(oneTrial) }, dir, { root, pool });
          const verdict = classifyRejection(result, expectation);
          return verdict.rejection === 'intended' ? true : verdict.detail.slice(0, 200);
        },
      },
    ];
  });
}

/** The mutants that a costly test was the first to kill in the recorded mutation run. */
async function mutantTargets(spec: ExerciseSpec, root: string, pool: TaskPool, workDir: string): Promise<Target[]> {
  const results = await readResults(root, spec.slug);
  if (results === undefined) return [];
  const costly = new Map(spec.tests.filter(isCostly).map((t) => [t.name, t]));
  const chosen = results.mutants.filter((m) => (m.status === 'killed' || m.status === 'timed-out') && m.killedBy !== undefined && costly.has(m.killedBy));
  if (chosen.length === 0) return [];
  const referenceDir = path.join(root, 'reference', spec.slug);
  const cacheDir = path.join(root, '.cache', 'build');
  const instrumented = await instrumentReference(referenceDir, path.join(workDir, 'instrumented'), results.variable);
  const build = await buildSolution(instrumented.dir, { cacheDir, entry: spec.entry });
  if (!build.ok) throw new Error(`the instrumented reference does not build:\n${build.message}`);
  const program: BuiltProgram = { ...build.program, sourceDir: referenceDir };
  let referenceBuild: Promise<BuiltProgram> | undefined;
  const reference = (): Promise<BuiltProgram> => {
    referenceBuild ??= buildSolution(referenceDir, { cacheDir, entry: spec.entry }).then((r) => {
      if (!r.ok) throw new Error(`the reference does not build:\n${r.message}`);
      return r.program;
    });
    return referenceBuild;
  };
  return chosen.map((mutant) => {
    const test = costly.get(mutant.killedBy!)!;
    return {
      label: `mutant ${mutant.id} (line ${mutant.line}: ${mutant.original.slice(0, 40)} -> ${mutant.replacement.slice(0, 40)})`,
      test,
      trial: async (t) => {
        const result = await pool.run(() => gradeTest(t, { slug: spec.slug, program: { ...program, activeMutant: mutant.id }, reference }), t.exclusive);
        return result.status === 'failed' ? true : `${result.status}: ${result.message ?? ''}`.slice(0, 200);
      },
    };
  });
}

export interface DetectionOptions {
  root: string;
  spec: ExerciseSpec;
  /** Single trials of each target in each condition. */
  runs: number;
  /** Gradings of the reference's costly tests in each condition. */
  referenceRuns: number;
  /** Only targets whose label contains one of these. */
  only?: string[];
  progress?: (line: string) => void;
}

async function measureTarget(target: Target, condition: Condition, runs: number): Promise<DetectionFigure> {
  const figure: DetectionFigure = { target: target.label, test: target.test.name, condition, trials: 0, detected: 0 };
  for (let run = 0; run < runs; run++) {
    const outcome = await target.trial(oneTrial(target.test));
    figure.trials++;
    if (outcome === true) figure.detected++;
    else figure.miss ??= outcome;
  }
  return figure;
}

async function measureReference(options: DetectionOptions, condition: Condition, pool: TaskPool): Promise<ReferenceRun> {
  const { spec, root } = options;
  const costly = spec.tests.filter(isCostly).map((t) => t.name);
  const run: ReferenceRun = { condition, runs: 0, passed: 0 };
  for (let i = 0; i < options.referenceRuns; i++) {
    const result = await gradeSolution(spec, path.join(root, 'reference', spec.slug), { root, pool, onlyTests: costly });
    run.runs++;
    if (result.status === 'passed') run.passed++;
    else run.failure ??= describeFailures(result).slice(0, 300);
  }
  return run;
}

/** Measures one exercise's per-trial detection rates and its reference's costly tests; burners always stopped. */
export async function measureDetection(options: DetectionOptions): Promise<DetectionReport> {
  const cores = availableParallelism();
  const pool = new TaskPool(cores);
  const say = options.progress ?? (() => undefined);
  const workDir = await mkdtemp(path.join(tmpdir(), `bench-detection-${options.spec.slug}-`));
  const report: DetectionReport = { slug: options.spec.slug, loadBefore: loadavg(), figures: [], references: [] };
  try {
    const all = [...variantTargets(options.spec, options.root, pool), ...(await mutantTargets(options.spec, options.root, pool, workDir))];
    const targets = options.only === undefined ? all : all.filter((t) => options.only!.some((o) => t.label.includes(o)));
    const measure = async (condition: Condition): Promise<void> => {
      for (const target of targets) {
        const figure = await measureTarget(target, condition, options.runs);
        report.figures.push(figure);
        say(detectionLine(figure, target.test.trials));
      }
      if (options.referenceRuns > 0) {
        const reference = await measureReference(options, condition, pool);
        report.references.push(reference);
        say(referenceRunLine(reference));
      }
    };
    await measure('as is');
    const burners = startBurners(cores, 60 * 60 * 1000);
    try {
      await measure('loaded');
    } finally {
      burners.stop();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return report;
}

/** One figure: the rate, its lower bound, the trials it needs, and the miss probability of the spec's own trials. */
export function detectionLine(f: DetectionFigure, specTrials: number): string {
  const low = rateLowerBound(f.detected, f.trials);
  const needed = trialsNeeded(low);
  const missAtSpec = (1 - low) ** specTrials;
  const verdict = missAtSpec < MISS_GOAL ? 'ok' : 'TOO WEAK';
  const miss = f.miss === undefined ? '' : `   (a miss: ${f.miss.replace(/\n/g, ' | ')})`;
  return (
    `  ${f.condition.padEnd(6)} ${f.target.slice(0, 70).padEnd(70)} ${String(f.detected).padStart(4)}/${f.trials} single trials` +
    ` p >= ${low.toFixed(3)} (95 %): needs ${Number.isFinite(needed) ? needed : 'inf'} trials; spec has ${specTrials}: miss <= ${missAtSpec.toExponential(1)} ${verdict}${miss}`
  );
}

export function referenceRunLine(r: ReferenceRun): string {
  const failure = r.failure === undefined ? '' : `   (a failure: ${r.failure.replace(/\n/g, ' | ')})`;
  return `  ${r.condition.padEnd(6)} reference, costly tests as written: passed ${r.passed}/${r.runs}${failure}`;
}
