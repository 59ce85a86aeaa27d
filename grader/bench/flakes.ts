// The flake hunt: the whole test suite, N times in a row on a fresh clone, alternately without
// and with CPU burners; every test that failed in any run (npm run flakes).
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { startBurners } from './burners.js';
import { burnersForRun, failedTests, flakyTests, type FlakyTest, type SuiteRun, type VitestJsonReport } from './flake-report.js';

export interface FlakeHuntOptions {
  /** The repository to clone (its checked-out commit is the one tested). */
  root: string;
  runs: number;
  /** Burners in the loaded runs (every second run). */
  burners: number;
  /** Keep the clone (for a look afterwards). */
  keep?: boolean;
  onRun?: (run: SuiteRun) => void;
  onProgress?: (line: string) => void;
}

export interface FlakeHuntResult {
  commit: string;
  clone: string;
  runs: SuiteRun[];
  flaky: FlakyTest[];
}

/** The longest a single run of the suite may take before the hunt stops it. */
const RUN_TIMEOUT_MS = 60 * 60 * 1000;

/** Clones `root` at its checked-out commit, installs, runs the suite `runs` times; never retries a test. */
export async function huntFlakes(options: FlakeHuntOptions): Promise<FlakeHuntResult> {
  const progress = options.onProgress ?? (() => undefined);
  const commit = (await execa('git', ['rev-parse', 'HEAD'], { cwd: options.root })).stdout.trim();
  const clone = mkdtempSync(path.join(os.tmpdir(), 'grader-flakes-'));
  // Readable like a checkout (mkdtemp makes it 0700): the weak tier's slot uids must reach the
  // fixtures in place, as they do in the repository the hunt stands for, or every run copies them.
  chmodSync(clone, 0o755);
  try {
    progress(`cloning ${commit.slice(0, 7)} into ${clone}`);
    await execa('git', ['clone', '--quiet', '--no-checkout', options.root, clone]);
    await execa('git', ['checkout', '--quiet', '--detach', commit], { cwd: clone });
    progress('npm ci');
    await execa('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone });
    const runs: SuiteRun[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const result = await runSuite(clone, run, burnersForRun(run, options.burners));
      runs.push(result);
      options.onRun?.(result);
    }
    return { commit, clone, runs, flaky: flakyTests(runs) };
  } finally {
    if (!options.keep) rmSync(clone, { recursive: true, force: true });
  }
}

async function runSuite(clone: string, run: number, burners: number): Promise<SuiteRun> {
  const reportFile = path.join(clone, `.flakes-run-${run}.json`);
  const loadBefore = os.loadavg();
  const started = performance.now();
  const burning = burners > 0 ? startBurners(burners, RUN_TIMEOUT_MS) : undefined;
  try {
    await execa('npx', ['vitest', 'run', '--reporter=json', `--outputFile=${reportFile}`], {
      cwd: clone,
      reject: false,
      timeout: RUN_TIMEOUT_MS,
      stdin: 'ignore',
    });
  } finally {
    burning?.stop();
  }
  const wallMs = performance.now() - started;
  let report: VitestJsonReport;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJsonReport;
  } catch (error) {
    const message = `vitest wrote no report (${error instanceof Error ? error.message : String(error)})`;
    return {
      run,
      burners,
      loadBefore,
      loadAfter: os.loadavg(),
      wallMs,
      tests: 0,
      failures: [{ file: '(suite)', test: '(the whole run)', durationMs: undefined, message }],
    };
  }
  return { run, burners, loadBefore, loadAfter: os.loadavg(), wallMs, tests: report.numTotalTests ?? 0, failures: failedTests(report, clone) };
}
