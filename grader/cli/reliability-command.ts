// `npm run reliability`: the reference catalog graded N times with every core busy.
import { parseArgs } from 'node:util';
import { checkReliability, type RunReport } from '../bench/reliability.js';
import type { CliEnvironment } from './main.js';
import { CliUsageError } from './usage.js';
import { fixedSeconds } from '../util/time.js';

const USAGE = `Usage: npm run reliability -- [SLUG ...] [--runs N] [--burners N] [--jobs N]

Grades the reference catalog N times in a row (default 20) while N burners (default: one per
core) keep every core busy, tests running in parallel as in a normal grading. Reports every
false failure (a reference test that did not pass, with its message), each test's slowest time
per trial against its timeout (tightest first), and whether exclusive tests ran alone.
Exit status: 0 no false failure and the pool held, 1 otherwise, 2 bad usage.`;

const seconds = (ms: number): string => fixedSeconds(ms, 1);

function count(value: string | undefined, flag: string, fallback: number | undefined, least: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < least) throw new CliUsageError(`${flag} takes a whole number of at least ${least}, not "${value}".\n\n${USAGE}`);
  return Number(value);
}

/** Runs the reliability check and prints its report. */
export async function reliabilityCommand(args: string[], env: CliEnvironment): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { runs: { type: 'string' }, burners: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const runs = count(values.runs, '--runs', 20, 1)!;
  const burners = count(values.burners, '--burners', undefined, 0);
  const jobs = count(values.jobs, '--jobs', undefined, 1);
  const write = (line: string): boolean => process.stdout.write(`${line}\n`);
  const onRun = (r: RunReport): void => {
    const pool = r.pool.exclusiveOverlaps > 0 ? `, ${r.pool.exclusiveOverlaps} exclusive tests NOT alone` : '';
    write(`run ${r.run}/${runs}: ${r.tests} tests, ${r.failures.length} failed, ${seconds(r.wallMs)} wall, at most ${r.pool.mostAtOnce} at once${pool}`);
    for (const f of r.failures) write(`  FALSE FAILURE ${f.slug} › ${f.test} (${f.status}): ${f.message.split('\n')[0]}`);
  };
  const result = await checkReliability({
    root: env.root,
    runs,
    onRun,
    ...(positionals.length > 0 ? { slugs: positionals } : {}),
    ...(burners === undefined ? {} : { burners }),
    ...(jobs === undefined ? {} : { jobs }),
  });
  write(`\nReliability: ${runs} gradings of the reference catalog (${result.exercises} exercises, ${result.tests} tests), ${result.burners} CPU burners, ${result.jobs} tests at once`);
  write(`  false failures: ${result.falseFailures.length}`);
  for (const f of result.falseFailures) write(`    run ${f.run}: ${f.slug} › ${f.test} (${f.status}): ${f.message}`);
  write(`  wall per grading: median ${seconds(result.medianWallMs)}`);
  const exclusive = result.runs.reduce((sum, r) => sum + r.pool.exclusiveTasks, 0);
  write(`  exclusive tests ran alone: ${result.poolHeld ? 'yes' : 'NO'} (${exclusive} exclusive test runs checked)`);
  write('  tightest margins to the timeout (slowest time per trial over every run, sandbox and checks included):');
  for (const m of result.margins.slice(0, 5)) {
    write(`    ${m.slug} › ${m.test}: ${m.slowestMs} ms of ${m.timeoutMs} ms (margin ${m.marginMs} ms, ${Math.round((100 * m.slowestMs) / m.timeoutMs)}% used)`);
  }
  return result.falseFailures.length === 0 && result.poolHeld ? 0 : 1;
}
