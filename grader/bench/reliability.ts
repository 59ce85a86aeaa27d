// The reliability script: the reference catalog graded many times with every core busy. A
// reference that fails is a false failure (the grader or a spec is flaky under load); a test the
// grader could not measure (its own doubt, after its retries: "not your fault") is counted apart;
// the slowest test's time against its timeout says how much load the timeouts can take.
import { availableParallelism } from 'node:os';
import { grade, loadSpecs } from '../grade/grade.js';
import { startBurners } from './burners.js';
import { RecordingPool, type PoolCheck } from './recording-pool.js';
import { median } from '../util/statistics.js';
import { isMeasurementError } from '../grade/measurement-doubt.js';
import type { GradeSummary } from '../report/types.js';

export interface ReliabilityOptions {
  root: string;
  /** Times the catalog is graded. */
  runs: number;
  /** CPU burners running meanwhile (default: one per core). */
  burners?: number;
  /** Tests at once (default: the number of cores). */
  jobs?: number;
  /** Exercises (default: every one with a spec). */
  slugs?: string[];
  /** Told after each run. */
  onRun?: (run: RunReport) => void;
}

/** A reference test that did not pass. */
export interface FalseFailure {
  run: number;
  slug: string;
  test: string;
  status: string;
  message: string;
}

/** How close a test came to its timeout. */
export interface Margin {
  slug: string;
  test: string;
  timeoutMs: number;
  /** The test's longest time per trial over every run (its whole time: sandbox, checks and any reference run included). */
  slowestMs: number;
  marginMs: number;
}

/** One grading of the catalog. */
export interface RunReport {
  run: number;
  tests: number;
  failures: FalseFailure[];
  /** Tests the grader could not measure (its error after its retries, "not your fault"): not failures, but not passes either. */
  doubts: FalseFailure[];
  wallMs: number;
  pool: PoolCheck;
}

export interface ReliabilityResult {
  runs: RunReport[];
  exercises: number;
  tests: number;
  burners: number;
  jobs: number;
  falseFailures: FalseFailure[];
  /** Every test the grader could not measure, over every run. */
  graderDoubts: FalseFailure[];
  /** Every test's margin, tightest first. */
  margins: Margin[];
  medianWallMs: number;
  /** Did every exclusive test run alone, and never more than `jobs` at once? */
  poolHeld: boolean;
}

/**
 * The reference tests of one grading that did not pass: false failures (failed, or an error that
 * is not the grader's doubt, and any exercise that could not be graded), and the grader's doubts.
 */
export function referenceOutcomes(summary: GradeSummary, run: number): { failures: FalseFailure[]; doubts: FalseFailure[] } {
  const failures: FalseFailure[] = [];
  const doubts: FalseFailure[] = [];
  for (const exercise of summary.exercises) {
    if (exercise.message !== undefined && exercise.status !== 'passed') {
      failures.push({ run, slug: exercise.slug, test: '(whole exercise)', status: exercise.status, message: exercise.message });
    }
    for (const test of exercise.tests) {
      if (test.status === 'passed') continue;
      const outcome = { run, slug: exercise.slug, test: test.name, status: test.status, message: test.message };
      (isMeasurementError(test) ? doubts : failures).push(outcome);
    }
  }
  return { failures, doubts };
}

/** Grades the catalog `runs` times under `burners` busy loops; the burners are always stopped. */
export async function checkReliability(options: ReliabilityOptions): Promise<ReliabilityResult> {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const burnerCount = options.burners ?? availableParallelism();
  const specs = await loadSpecs(options.root, options.slugs ?? []);
  const timeouts = new Map<string, number>(specs.flatMap((s) => s.tests.map((t): [string, number] => [`${s.slug}\0${t.name}`, t.timeoutMs])));
  const slowest = new Map<string, number>();
  const runs: RunReport[] = [];
  // Bounded even if this process hangs: a generous minute per run, and they watch their parent.
  const burners = startBurners(burnerCount, options.runs * 60_000);
  try {
    for (let run = 1; run <= options.runs; run++) {
      const pool = new RecordingPool(jobs);
      const started = performance.now();
      // The specs loaded at the start, every time: a spec edited meanwhile does not change the catalog.
      const summary = await grade({ root: options.root, slugs: [], specs, solutionsDir: 'reference', reporters: [], pool });
      const wallMs = performance.now() - started;
      const { failures, doubts } = referenceOutcomes(summary, run);
      let tests = 0;
      for (const exercise of summary.exercises) {
        for (const test of exercise.tests) {
          tests++;
          const key = `${exercise.slug}\0${test.name}`;
          slowest.set(key, Math.max(slowest.get(key) ?? 0, test.durationMs / Math.max(1, test.trials)));
        }
      }
      const report: RunReport = { run, tests, failures, doubts, wallMs, pool: pool.check() };
      runs.push(report);
      options.onRun?.(report);
    }
  } finally {
    burners.stop();
  }
  const margins: Margin[] = [...slowest].map(([key, slowestMs]) => {
    const [slug = '', test = ''] = key.split('\0');
    const timeoutMs = timeouts.get(key) ?? 0;
    return { slug, test, timeoutMs, slowestMs: Math.round(slowestMs), marginMs: Math.round(timeoutMs - slowestMs) };
  });
  margins.sort((a, b) => a.marginMs / a.timeoutMs - b.marginMs / b.timeoutMs);
  return {
    runs,
    exercises: specs.length,
    tests: runs[0]?.tests ?? 0,
    burners: burnerCount,
    jobs,
    falseFailures: runs.flatMap((r) => r.failures),
    graderDoubts: runs.flatMap((r) => r.doubts),
    margins,
    medianWallMs: runs.length > 0 ? median(runs.map((r) => r.wallMs)) : 0,
    poolHeld: runs.every((r) => r.pool.exclusiveOverlaps === 0 && r.pool.mostAtOnce <= jobs),
  };
}
