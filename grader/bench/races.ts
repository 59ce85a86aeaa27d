// The race benchmark: grades each racy or timing-dependent known-bad variant many times
// and reports the share of runs that rejected it as its spec's mustReject says; grades the
// references of the processes/threads exercises many times, on the machine as it is and with
// every core kept busy by CPU burners (always stopped), and reports the share that passed and the
// wall time of each spec. `npm run bench -- --races [--runs N] [--reference-runs N]`.
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { TaskPool } from '../grade/pool.js';
import { describeFailures, gradeSolution } from '../instructor/grade-solution.js';
import { classifyRejection } from '../instructor/rejection.js';
import { loadSpec } from '../spec/load.js';
import type { ExerciseSpec } from '../spec/types.js';
import { median } from '../util/statistics.js';
import { startBurners } from './burners.js';

/** The exercises about processes, threads and races, whose references are graded. */
export const RACE_EXERCISES = [
  'fork-hello',
  'fork-counter',
  'fork-exec',
  'thread-class',
  'thread-callable',
  'thread-counter',
  'producer-consumer',
  'sync-rlock',
  'sync-semaphore',
  'sync-event',
  'sync-condition',
  'signals',
] as const;

/** Variants whose rejection depends on a race, on timing or on observing short-lived processes. */
export const RACY_VARIANTS: ReadonlyArray<readonly [slug: string, variant: string]> = [
  ['thread-counter', 'unlocked-race'],
  ['thread-counter', 'lock-not-shared'],
  ['producer-consumer', 'daemon-consumers'],
  ['producer-consumer', 'unlocked-take'],
  ['producer-consumer', 'lifo-queue'],
  ['producer-consumer', 'stops-on-empty'],
  ['sync-semaphore', 'console-log-in-workers'],
  ['sync-semaphore', 'no-limit'],
  ['sync-semaphore', 'limit-off-by-one'],
  ['sync-condition', 'no-wait-on-full'],
  ['sync-condition', 'print-outside-lock'],
  ['sync-condition', 'takes-out-of-order'],
  ['sync-event', 'starts-before-go'],
  ['sync-event', 'busy-wait'],
  ['fork-counter', 'sequential-children'],
  ['fork-counter', 'parent-waits'],
  ['fork-counter', 'no-sleep'],
  ['signals', 'ready-before-handlers'],
  ['signals', 'busy-wait'],
];

export interface VariantFigure {
  slug: string;
  variant: string;
  runs: number;
  /** Runs in which it failed as its mustReject says. */
  rejected: number;
  /** One detail of a run that did not reject it as intended, if any. */
  miss?: string;
}

export interface ReferenceFigure {
  slug: string;
  runs: number;
  passed: number;
  /** Median and slowest wall time of one grading of the whole spec, ms. */
  medianMs: number;
  maxMs: number;
  failure?: string;
}

export interface RaceBenchmark {
  cores: number;
  loadBefore: number[];
  variants: VariantFigure[];
  idle: ReferenceFigure[];
  loaded: ReferenceFigure[];
  burners: number;
}

export interface RaceBenchOptions {
  root: string;
  /** Gradings of each variant (default 20). */
  runs: number;
  /** Gradings of each reference, idle and loaded each (default 10). */
  referenceRuns: number;
  /** Only these exercises (default all of RACE_EXERCISES). */
  slugs?: string[];
  /** Told after each figure. */
  progress?: (line: string) => void;
}

async function gradeVariant(spec: ExerciseSpec, variant: string, options: RaceBenchOptions, pool: TaskPool): Promise<VariantFigure> {
  const expectation = spec.mustReject[variant];
  const figure: VariantFigure = { slug: spec.slug, variant, runs: 0, rejected: 0 };
  if (expectation === undefined) return { ...figure, miss: 'no mustReject entry' };
  const dir = path.join(options.root, 'reference', spec.slug, 'wrong', variant);
  for (let run = 0; run < options.runs; run++) {
    const result = await gradeSolution(spec, dir, { root: options.root, pool, onlyTests: expectation.tests });
    const verdict = classifyRejection(result, expectation);
    figure.runs++;
    if (verdict.rejection === 'intended') figure.rejected++;
    else figure.miss ??= verdict.detail.slice(0, 300);
  }
  return figure;
}

async function gradeReference(spec: ExerciseSpec, runs: number, options: RaceBenchOptions, pool: TaskPool): Promise<ReferenceFigure> {
  const times: number[] = [];
  let passed = 0;
  let failure: string | undefined;
  for (let run = 0; run < runs; run++) {
    const started = Date.now();
    const result = await gradeSolution(spec, path.join(options.root, 'reference', spec.slug), { root: options.root, pool });
    times.push(Date.now() - started);
    if (result.status === 'passed') passed++;
    else failure ??= describeFailures(result).slice(0, 400);
  }
  const figure: ReferenceFigure = { slug: spec.slug, runs, passed, medianMs: median(times), maxMs: Math.max(...times) };
  if (failure !== undefined) figure.failure = failure;
  return figure;
}

/** Runs the race benchmark; the burners are stopped whatever happens. */
export async function benchRaces(options: RaceBenchOptions): Promise<RaceBenchmark> {
  const cores = availableParallelism();
  const pool = new TaskPool(cores);
  const slugs = options.slugs ?? [...RACE_EXERCISES];
  const specs = new Map<string, ExerciseSpec>();
  for (const slug of slugs) specs.set(slug, await loadSpec(path.join(options.root, 'specs', `${slug}.yaml`)));
  const say = options.progress ?? (() => undefined);
  const report: RaceBenchmark = { cores, loadBefore: loadavg(), variants: [], idle: [], loaded: [], burners: cores };

  for (const [slug, variant] of RACY_VARIANTS) {
    const spec = specs.get(slug);
    if (spec === undefined) continue;
    const figure = await gradeVariant(spec, variant, options, pool);
    report.variants.push(figure);
    say(variantLine(figure));
  }
  for (const spec of specs.values()) {
    const figure = await gradeReference(spec, options.referenceRuns, options, pool);
    report.idle.push(figure);
    say(referenceLine('as is', figure));
  }
  // Every core busy: burners bounded in time (and killed at the end, or with the grader).
  const budgetMs = 60 * 60 * 1000;
  const burners = startBurners(cores, budgetMs);
  try {
    for (const spec of specs.values()) {
      const figure = await gradeReference(spec, options.referenceRuns, options, pool);
      report.loaded.push(figure);
      say(referenceLine('loaded', figure));
    }
  } finally {
    burners.stop();
  }
  return report;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`;
}

export function variantLine(f: VariantFigure): string {
  const miss = f.miss === undefined ? '' : `   (a miss: ${f.miss})`;
  return `  ${`${f.slug}/${f.variant}`.padEnd(44)} rejected ${String(f.rejected).padStart(3)}/${f.runs}  ${percent(f.rejected, f.runs).padStart(7)}${miss}`;
}

export function referenceLine(label: string, f: ReferenceFigure): string {
  const failure = f.failure === undefined ? '' : `   (a failure: ${f.failure.replace(/\n/g, ' | ')})`;
  return `  ${label.padEnd(6)} ${f.slug.padEnd(18)} passed ${String(f.passed).padStart(3)}/${f.runs}  ${percent(f.passed, f.runs).padStart(7)}   spec wall median ${(f.medianMs / 1000).toFixed(1)} s, max ${(f.maxMs / 1000).toFixed(1)} s${failure}`;
}
