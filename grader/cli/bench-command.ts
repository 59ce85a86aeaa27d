import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAccounted, type Accounting } from '../bench/accounting.js';
import { measureBatch } from '../bench/batch-throughput.js';
import { timeCatalog, timeCatalogInChild, type CatalogTiming } from '../bench/catalog.js';
import { describeMachine } from '../bench/machine.js';
import { measureOverhead, type OverheadResult } from '../bench/overhead.js';
import { measurePerTest, perTestTable, type PerTestReport } from '../bench/per-test.js';
import { benchMatching } from '../bench/matching.js';
import { measureDetection } from '../bench/detection.js';
import { measureGoals, type Tree } from '../bench/goals.js';
import { measurePacking, packingLines } from '../bench/packing.js';
import { listSpecSlugs } from '../grade/grade.js';
import { benchRaces } from '../bench/races.js';
import { loadSpec } from '../spec/load.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run bench -- [--runs N] [--skip-catalog] [--batch STUDENTS]

Measures, on this machine (described first, with its load average):
  - the grader's cost per program run and per whole test against running the same built
    program bare (medians of N alternated runs, default 20);
  - the reference catalog graded in a fresh grader process with a cold build cache (an empty
    temporary one) and again warm: wall time, CPU time (grader and programs), peak memory;
  - with --batch STUDENTS: batch grading of that many generated submissions (copies of the
    references and starters, some exercises missing), in submissions per minute.

npm run bench -- --races [--runs N] [--reference-runs M] [SLUG ...]
  grades each racy known-bad variant of the processes/threads exercises N times (default 20)
  and reports the share of runs that rejected it as its mustReject says; grades their
  references M times (default 10) as the machine is and M times with every core busy (CPU
  burners, always stopped): the share that passed and each spec's wall time.

npm run bench -- --races --per-trial SLUG [--spec FILE] [--runs N] [--reference-runs M] [--only TEXT]
  the per-trial detection rate: each racy known-bad variant of SLUG (its mustReject test costly
  or its rejection racy) and each mutant a costly test was the first to kill (the recorded
  mutation run) graded with ONE trial of its test N times (default 20), as the machine is and
  with every core busy; prints the rate's 95 % lower bound p, the trials k it needs for a miss
  below 0.001 ((1 - p)^k), and whether the spec's trials reach it; then grades the reference's
  costly tests M times (default 5) in each condition. --spec: a candidate spec file for SLUG
  (sizes and trials to try); --only: targets whose label contains TEXT (repeatable).

npm run bench -- --goals [--against DIR] [--runs N] [SLUG ...]
  the speed goals through the CLI (\`grade\`), each figure alternated between this checkout and,
  with --against, another one (e.g. a git worktree of an older commit, with npm ci done): the
  whole reference catalog (goal 15 s), each exercise's reference alone (goal 3 s), and a known-bad
  variant that a cheap test rejects, graded failures first on the console (goal 1 s); medians
  of N runs (default 3) of the grader's own Total time, the command's wall time beside it.

npm run bench -- --packing [--runs N] [SLUG ...]
  grades the references of the SLUGs (default: those with a one-core test) N times (default 3)
  with their one-core tests holding the whole machine and as the specs say, alternated: wall
  time and the place-time the pool left idle while tests waited.

npm run bench -- --per-test [SLUG ...]
  grades the references one test at a time in a grader process of its own (cgroup accounting)
  and prints each test's CPU time (grader and program tree) and wall time, costliest first,
  then each exercise's sums. On a loaded machine the figures are indicative only.

npm run bench -- --matching [--runs N]
  times the unordered line matching on the unit tests' large cases (medians of N runs); the
  unit tests bound the same cases' work in steps, not in time.`;

const ms = (value: number): string => `${value.toFixed(1)} ms`;

function catalogLine(label: string, t: CatalogTiming & { tree?: Accounting }): string {
  const verdict = t.passed ? '' : '   NOT all passed';
  const cpu = t.tree === undefined ? `CPU ${ms(t.cpuMs)} (grader and the programs it reaped)` : `CPU ${ms(t.tree.cpuMs)} (grader and programs)`;
  // A cgroup is charged for the pages first touched from inside it: programs' memory and files, not node's own binary.
  const memory = t.tree === undefined ? '' : `, cgroup ${t.tree.peakMemoryMb.toFixed(0)} MB`;
  return `  ${label.padEnd(11)} wall ${ms(t.wallMs)}   ${cpu}   peak memory: grader RSS ${t.peakRssMb.toFixed(0)} MB${memory}${verdict}`;
}

const loadAtEnd = (): string => `Load average at the end: ${describeMachine().split('load average ')[1]}\n`;

/** `--goals`: the three speed goals, this checkout alternated with `against` (an older one) if given. */
async function benchGoals(root: string, against: string | undefined, positionals: string[], runs: number): Promise<number> {
  const slugs = positionals.length > 0 ? positionals : await listSpecSlugs(path.join(root, 'specs'));
  const trees: Tree[] = [{ label: 'this', root }];
  if (against !== undefined) trees.unshift({ label: path.basename(path.resolve(against)), root: path.resolve(against) });
  process.stdout.write(`Speed goals (${trees.map((t) => `${t.label} = ${t.root}`).join(', ')}): ${describeMachine()}\n`);
  await measureGoals({ trees, slugs, runs, progress: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(loadAtEnd());
  return 0;
}

/** `--races --per-trial SLUG`: per-trial detection rates of SLUG's racy variants and mutants (grader/bench/detection.ts). */
async function benchPerTrial(
  root: string,
  slug: string,
  candidate: string | undefined,
  runs: { trials: number; references: number },
  only: string[] | undefined,
): Promise<number> {
  const specFile = path.resolve(candidate ?? path.join(root, 'specs', `${slug}.yaml`));
  const spec = await loadSpec(specFile);
  if (spec.slug !== slug) throw new UsageError(`${specFile} is the spec of ${spec.slug}, not ${slug}.`);
  process.stdout.write(`Per-trial detection, ${slug} (${specFile}): ${describeMachine()}\n`);
  const report = await measureDetection({
    root,
    spec,
    runs: runs.trials,
    referenceRuns: runs.references,
    ...(only === undefined ? {} : { only }),
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(loadAtEnd());
  return report.references.every((r) => r.passed === r.runs) ? 0 : 1;
}

/** `--per-test`: each reference test's CPU and wall time, one at a time (grader/bench/per-test.ts). */
async function benchPerTest(root: string, positionals: string[]): Promise<number> {
  process.stdout.write(`Machine: ${describeMachine()}\n`);
  const launcher = path.join(root, 'grader', 'launch.mjs');
  // In a process of its own, in cgroups of its own: a test's CPU is its tree's, exactly.
  const measured = await runAccounted(process.execPath, [launcher, 'bench', '--per-test-once', ...positionals], root);
  const report = JSON.parse(measured.stdout.trim().split('\n').at(-1) ?? '') as PerTestReport;
  for (const line of perTestTable(report)) process.stdout.write(`${line}\n`);
  process.stdout.write(loadAtEnd());
  return report.tests.every((t) => t.passed) ? 0 : 1;
}

/** `--packing`: one-core tests holding the machine against taking one place (grader/bench/packing.ts). */
async function benchPacking(root: string, positionals: string[], runs: number): Promise<number> {
  const slugs = positionals.length > 0 ? positionals : ['time-elapsed', 'pipe-framing', 'sync-event', 'sync-semaphore'];
  process.stdout.write(`Packing of one-core tests (${slugs.join(' ')}): ${describeMachine()}\n`);
  for (const line of packingLines(await measurePacking(root, slugs, runs))) process.stdout.write(`${line}\n`);
  process.stdout.write(loadAtEnd());
  return 0;
}

/** `npm run bench`: timing goals are measured here, never in unit tests. */
export const benchCommand = defineCommand({
  usage: USAGE,
  options: {
    runs: { type: 'string' },
    'skip-catalog': { type: 'boolean' },
    batch: { type: 'string' },
    // Internal: one catalog grading in this process, as JSON (see timeCatalogInChild).
    'catalog-once': { type: 'boolean' },
    'overhead-once': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    races: { type: 'boolean' },
    matching: { type: 'boolean' },
    'reference-runs': { type: 'string' },
    'per-test': { type: 'boolean' },
    'per-trial': { type: 'boolean' },
    goals: { type: 'boolean' },
    packing: { type: 'boolean' },
    against: { type: 'string' },
    spec: { type: 'string' },
    only: { type: 'string', multiple: true },
    // Internal: the per-test measurement in this process, as JSON.
    'per-test-once': { type: 'boolean' },
  },
  async run({ values, positionals, env, wholeNumber }) {
    const runs = wholeNumber(values.runs, '--runs') ?? 20;
    if (values.matching) {
      process.stdout.write(`Line matching: ${describeMachine()}\n`);
      for (const t of benchMatching(runs)) process.stdout.write(`  ${t.label}: ${t.lines} lines, ${t.steps} steps, median ${ms(t.medianMs)}\n`);
      return 0;
    }
    if (values.packing) return benchPacking(env.root, positionals, wholeNumber(values.runs, '--runs') ?? 3);
    if (values.goals) return benchGoals(env.root, values.against, positionals, wholeNumber(values.runs, '--runs') ?? 3);
    if (values.races && values['per-trial']) {
      const [slug, ...rest] = positionals;
      if (slug === undefined || rest.length > 0) throw new UsageError('--per-trial measures one exercise: name its SLUG.');
      const runs = { trials: wholeNumber(values.runs, '--runs') ?? 20, references: wholeNumber(values['reference-runs'], '--reference-runs', 0) ?? 5 };
      return benchPerTrial(env.root, slug, values.spec, runs, values.only);
    }
    if (values.races) {
      // The race benchmark (grader/bench/races.ts).
      const referenceRuns = wholeNumber(values['reference-runs'], '--reference-runs', 0) ?? 10;
      process.stdout.write(`Race benchmark: ${describeMachine()}\n`);
      const report = await benchRaces({
        root: env.root,
        runs,
        referenceRuns,
        ...(positionals.length > 0 ? { slugs: positionals } : {}),
        progress: (line) => process.stdout.write(`${line}\n`),
      });
      const missed = report.variants.some((v) => v.rejected < v.runs) || [...report.idle, ...report.loaded].some((r) => r.passed < r.runs);
      return missed ? 1 : 0;
    }
    if (values['per-test-once']) {
      process.stdout.write(`${JSON.stringify(await measurePerTest(env.root, positionals))}\n`);
      return 0;
    }
    if (values['per-test']) return benchPerTest(env.root, positionals);
    if (values['catalog-once']) {
      const cacheDir = values['cache-dir'];
      const timing = await timeCatalog(env.root, cacheDir === undefined ? {} : { cacheDir });
      process.stdout.write(`${JSON.stringify(timing)}\n`);
      return 0;
    }
    const students = wholeNumber(values.batch, '--batch', 0) ?? 0;
    if (values['overhead-once']) {
      process.stdout.write(`${JSON.stringify(await measureOverhead(runs, path.join(env.root, '.cache', 'build')))}\n`);
      return 0;
    }
    const write: Write = (line) => process.stdout.write(`${line}\n`);
    write(`Machine: ${describeMachine()}`);
    await reportOverhead(env.root, runs, write);
    if (!values['skip-catalog']) await reportCatalog(env.root, write);
    if (students > 0) await reportBatch(env.root, students, write);
    write(`\nLoad average at the end: ${describeMachine().split('load average ')[1]}`);
    return 0;
  },
});

type Write = (line: string) => boolean;

/** The cost per program run: bare node against the same program through the grader, wall and CPU time. */
async function reportOverhead(root: string, runs: number, write: Write): Promise<void> {
  // In a process of its own, in cgroups of its own: CPU time per run is counted exactly there.
  const launcher = path.join(root, 'grader', 'launch.mjs');
  const measured = await runAccounted(process.execPath, [launcher, 'bench', '--overhead-once', '--runs', String(runs)], root);
  const overhead = JSON.parse(measured.stdout.trim().split('\n').at(-1) ?? '') as OverheadResult;
  write(`\nCost per program run (${overhead.runs} alternated runs of a hello-world program, ${overhead.tier} tier):`);
  write(`  bare node        median ${ms(overhead.bareMs.median)}   p90 ${ms(overhead.bareMs.p90)}`);
  write(`  through grader   median ${ms(overhead.gradedMs.median)}   p90 ${ms(overhead.gradedMs.p90)}`);
  write(`  whole test       median ${ms(overhead.testMs.median)}   p90 ${ms(overhead.testMs.p90)}   (work directory, session, run, work tree)`);
  write(`  overhead         ${ms(overhead.overheadMs)} per run, ${ms(overhead.testOverheadMs)} per test (goal: at most 15 ms)`);
  if (overhead.cpuMs !== undefined) {
    const { bare, graded, test } = overhead.cpuMs;
    write(`  CPU time (all processes, medians; steadier than wall time on a loaded machine):`);
    write(`    bare ${ms(bare)}, through grader ${ms(graded)} (+${ms(graded - bare)}), whole test ${ms(test)} (+${ms(test - bare)})`);
  }
}

/** The reference catalog graded twice in fresh grader processes: with a cold build cache, then warm. */
async function reportCatalog(root: string, write: Write): Promise<void> {
  const cache = await mkdtemp(path.join(tmpdir(), 'bench-build-cache-'));
  try {
    const cold = await timeCatalogInChild(root, cache);
    const warm = await timeCatalogInChild(root, cache);
    write(`\nReference catalog: ${warm.exercises} exercises, ${warm.tests} tests (each in a fresh grader process; goal: at most 10 s wall)`);
    write(catalogLine('cold cache', cold));
    write(catalogLine('warm cache', warm));
    write(`  the cold build cache costs ${ms(cold.wallMs - warm.wallMs)} of wall time`);
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}

/** Generated submissions graded as a batch: throughput, and rows whose score is wrong. */
async function reportBatch(root: string, students: number, write: Write): Promise<void> {
  const batch = await measureBatch(root, students);
  write(`\nBatch: ${batch.students} generated submissions × ${batch.exercises} exercises (fresh build cache)`);
  write(`  wall ${(batch.wallMs / 1000).toFixed(1)} s: ${batch.perMinute.toFixed(1)} submissions per minute`);
  write(`  rows with a wrong score: ${batch.wrongRows.length}`);
  for (const row of batch.wrongRows) write(`    ${row}`);
}
