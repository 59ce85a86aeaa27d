// `npm run flakes`: the whole test suite N times on a fresh clone, with and without CPU burners.
import { huntFlakes } from '../bench/flakes.js';
import type { SuiteRun } from '../bench/flake-report.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run flakes -- [--runs N] [--burners N] [--keep]

Clones this repository's checked-out commit into a temporary directory, runs npm ci, then the
whole test suite N times in a row (default 4): odd runs as they are, even runs with N CPU
burners (default 2) busy all along. Lists every test that failed in any run, with the runs, the
load average and the failure's first line. No test is retried. --keep keeps the clone.
Exit status: 0 when no test failed in any run, 1 otherwise, 2 bad usage.`;

const load = (values: number[]): string => values.map((v) => v.toFixed(1)).join(' ');

/** Runs the flake hunt and prints its report. */
export const flakesCommand = defineCommand({
  usage: USAGE,
  options: { runs: { type: 'string' }, burners: { type: 'string' }, keep: { type: 'boolean' } },
  positionals: { max: 0 },
  async run({ values, env, wholeNumber }) {
    const runs = wholeNumber(values.runs, '--runs') ?? 4;
    const burners = wholeNumber(values.burners, '--burners', 0) ?? 2;
    const write = (line: string): boolean => process.stdout.write(`${line}\n`);
    const onRun = (r: SuiteRun): void => {
      write(
        `run ${r.run}/${runs} (${r.burners} burners): ${r.tests} tests, ${r.failures.length} failed, ${Math.round(r.wallMs / 1000)} s, load ${load(r.loadBefore)} -> ${load(r.loadAfter)}`,
      );
      for (const f of r.failures) write(`  FAILED ${f.file} > ${f.test}${f.durationMs === undefined ? '' : ` (${Math.round(f.durationMs)} ms)`}: ${f.message}`);
    };
    const result = await huntFlakes({ root: env.root, runs, burners, keep: values.keep === true, onRun, onProgress: write });
    write(`\nFlake hunt: ${runs} runs of the whole suite at ${result.commit.slice(0, 7)}, every second one with ${burners} burners`);
    write(`  tests that failed in any run: ${result.flaky.length}`);
    for (const f of result.flaky) {
      write(
        `    ${f.file} > ${f.test}: failed in run ${f.failedIn.join(', ')} (${f.failedWithBurners} with burners; ${f.durationsMs.join(', ')} ms): ${f.message}`,
      );
    }
    if (values.keep === true) write(`  clone kept: ${result.clone}`);
    return result.flaky.length === 0 ? 0 : 1;
  },
});
