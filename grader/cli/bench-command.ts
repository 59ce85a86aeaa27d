import path from 'node:path';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { timeCatalog } from '../bench/catalog.js';
import { measureOverhead } from '../bench/overhead.js';
import type { CliEnvironment } from './main.js';
import { CliUsageError } from './usage.js';

const USAGE = `Usage: npm run bench -- [--runs N] [--skip-catalog]

Measures the grader's cost per program run against running the same built program bare
(median of N alternated runs, default 20), then grades the reference catalog and reports its
wall time, CPU time and peak memory.`;

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** `npm run bench`: timing goals are measured here, never in unit tests. */
export async function benchCommand(args: string[], env: CliEnvironment): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { runs: { type: 'string' }, 'skip-catalog': { type: 'boolean' } } }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const runs = Number(values.runs ?? 20);
  if (!Number.isInteger(runs) || runs < 1) throw new CliUsageError(USAGE);
  const write = (line: string): boolean => process.stdout.write(`${line}\n`);
  write(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  const overhead = await measureOverhead(runs, path.join(env.root, '.cache', 'build'));
  write(`\nCost per program run (${overhead.runs} alternated runs of a hello-world program, ${overhead.tier} tier):`);
  write(`  bare node        median ${ms(overhead.bareMs.median)}   p90 ${ms(overhead.bareMs.p90)}`);
  write(`  through grader   median ${ms(overhead.gradedMs.median)}   p90 ${ms(overhead.gradedMs.p90)}`);
  write(`  overhead         ${ms(overhead.overheadMs)} per run (goal: at most 15 ms)`);
  if (!values['skip-catalog']) {
    const catalog = await timeCatalog(env.root);
    write(`\nReference catalog: ${catalog.exercises} exercises, ${catalog.tests} tests, ${catalog.passed ? 'all passed' : 'NOT all passed'}`);
    write(`  wall ${ms(catalog.wallMs)}   CPU ${ms(catalog.cpuMs)} (grader and programs)   grader peak RSS ${catalog.peakRssMb.toFixed(0)} MB`);
  }
  return 0;
}
