// `npm run reliability`: the reference catalog graded N times with every core busy.
import { checkReliability, type RunReport } from '../bench/reliability.js';
import { defineCommand } from './command.js';
import { JOBS_OPTION } from './options.js';
import { fixedSeconds } from '../util/time.js';

const USAGE = `Usage: npm run reliability -- [SLUG ...] [--runs N] [--burners N] [--jobs N]

Grades the reference catalog N times in a row (default 20) while N burners (default: one per
core) keep every core busy, tests running in parallel as in a normal grading. Reports every
false failure (a reference test that failed, with its message), apart from them every test the
grader could not measure (its own error after its retries, "not your fault"), each test's slowest time
per trial against its timeout (tightest first), and whether exclusive tests ran alone.
Exit status: 0 no false failure and the pool held, 1 otherwise, 2 bad usage.`;

const seconds = (ms: number): string => fixedSeconds(ms, 1);

/** Runs the reliability check and prints its report. */
export const reliabilityCommand = defineCommand({
  usage: USAGE,
  options: { runs: { type: 'string' }, burners: { type: 'string' }, ...JOBS_OPTION },
  async run({ values, positionals, env, wholeNumber }) {
    const runs = wholeNumber(values.runs, '--runs') ?? 20;
    const burners = wholeNumber(values.burners, '--burners', 0);
    const jobs = wholeNumber(values.jobs, '--jobs');
    const write = (line: string): boolean => process.stdout.write(`${line}\n`);
    const onRun = (r: RunReport): void => {
      const pool = r.pool.exclusiveOverlaps > 0 ? `, ${r.pool.exclusiveOverlaps} exclusive tests NOT alone` : '';
      write(
        `run ${r.run}/${runs}: ${r.tests} tests, ${r.failures.length} failed, ${r.doubts.length} not measured (the grader's doubt), ${seconds(r.wallMs)} wall, at most ${r.pool.mostAtOnce} at once${pool}`,
      );
      for (const f of r.failures) write(`  FALSE FAILURE ${f.slug} › ${f.test} (${f.status}): ${f.message.split('\n')[0]}`);
      for (const d of r.doubts) write(`  not measured ${d.slug} › ${d.test}: ${d.message.split('\n')[0]}`);
    };
    const result = await checkReliability({
      root: env.root,
      runs,
      onRun,
      ...(positionals.length > 0 ? { slugs: positionals } : {}),
      ...(burners === undefined ? {} : { burners }),
      ...(jobs === undefined ? {} : { jobs }),
    });
    write(
      `\nReliability: ${runs} gradings of the reference catalog (${result.exercises} exercises, ${result.tests} tests), ${result.burners} CPU burners, ${result.jobs} tests at once`,
    );
    write(`  false failures: ${result.falseFailures.length}`);
    for (const f of result.falseFailures) write(`    run ${f.run}: ${f.slug} › ${f.test} (${f.status}): ${f.message}`);
    const gradings = runs * result.tests;
    write(
      `  not measured (the grader's own doubt after its retries, "not your fault": neither a pass nor a failure): ${result.graderDoubts.length} of ${gradings} test gradings`,
    );
    for (const d of result.graderDoubts) write(`    run ${d.run}: ${d.slug} › ${d.test}: ${d.message}`);
    write(`  wall per grading: median ${seconds(result.medianWallMs)}`);
    const exclusive = result.runs.reduce((sum, r) => sum + r.pool.exclusiveTasks, 0);
    write(
      `  exclusive tests ran as they claim (alone, or one-core never beside a whole-machine test): ${result.poolHeld ? 'yes' : 'NO'} (${exclusive} exclusive test runs checked)`,
    );
    write('  tightest margins to the timeout (slowest time per trial over every run, sandbox and checks included):');
    for (const m of result.margins.slice(0, 5)) {
      write(
        `    ${m.slug} › ${m.test}: ${m.slowestMs} ms of ${m.timeoutMs} ms (margin ${m.marginMs} ms, ${Math.round((100 * m.slowestMs) / m.timeoutMs)}% used)`,
      );
    }
    return result.falseFailures.length === 0 && result.poolHeld ? 0 : 1;
  },
});
