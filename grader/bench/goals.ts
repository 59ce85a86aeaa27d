// The speed goals of issue 16, measured through the CLI of one or two checkouts of the grader
// (this one and, with --against, an older one), alternated so that both meet the same load:
//   1. the whole reference catalog graded (goal: at most 15 s wall on 2 cores);
//   2. each exercise's reference graded alone (goal: at most 3 s, except where its statement asks longer);
//   3. a solution that fails a cheap test (a known-bad variant rejected by a cheap test) graded on
//      the console, failures first: the grading's own time (goal: within 1 s).
// Figures are the grader's own "Total" time (the grade, build included, without node's start)
// and the command's wall time. `npm run bench -- --goals [--against DIR] [--runs N] [SLUG ...]`.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadSpec } from '../spec/load.js';
import { isCostly } from '../grade/test-cost.js';
import { median } from '../util/statistics.js';

const run = promisify(execFile);

/** One grader checkout to measure. */
export interface Tree {
  label: string;
  root: string;
}

/** One timed grading: the grader's Total and the command's wall time, ms; and whether it did as expected. */
export interface Timed {
  totalMs: number;
  wallMs: number;
  ok: boolean;
}

/** The figures of one measurement (a row) for each tree, in the order of the trees. */
export interface GoalRow {
  goal: 'catalog' | 'exercise' | 'cheap failure';
  what: string;
  load: number;
  byTree: Timed[][];
}

/** The grader's own time in its console's last line, "Total: ... (12.3 s)". */
export function totalSeconds(output: string): number | undefined {
  const match = /Total: [^\n]*\((\d+(?:\.\d+)?) s\)/.exec(output);
  return match === null ? undefined : Number(match[1]);
}

async function gradeTimed(tree: Tree, args: string[], expectPass: boolean): Promise<Timed> {
  const started = performance.now();
  let stdout = '';
  let passed = true;
  try {
    ({ stdout } = await run(process.execPath, [path.join(tree.root, 'grader', 'launch.mjs'), 'grade', ...args], {
      cwd: tree.root,
      env: { ...process.env, CI: '', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    stdout = String((error as { stdout?: string }).stdout ?? '');
    passed = false;
  }
  const wallMs = performance.now() - started;
  const total = totalSeconds(stdout);
  return { totalMs: total === undefined ? NaN : total * 1000, wallMs, ok: total !== undefined && passed === expectPass };
}

/**
 * A known-bad variant of `slug` that a cheap test rejects, if it has one: one whose rejecting
 * tests are all cheap, else one with a cheap test among them (a quick test that shows the bug,
 * backed by a costly one that must show it too when the quick one is not load-proof).
 */
export async function cheapFailure(root: string, slug: string): Promise<string | undefined> {
  const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
  const cheap = new Set(spec.tests.filter((t) => !isCostly(t)).map((t) => t.name));
  const variants = await readdir(path.join(root, 'reference', slug, 'wrong')).catch(() => [] as string[]);
  return (
    variants.find((v) => spec.mustReject[v]?.tests.every((t) => cheap.has(t))) ?? variants.find((v) => spec.mustReject[v]?.tests.some((t) => cheap.has(t)))
  );
}

export interface GoalOptions {
  trees: Tree[];
  /** Exercises for goals 2 and 3. */
  slugs: string[];
  runs: number;
  progress?: (line: string) => void;
}

/** Measures the three goals, each figure alternated over the trees `runs` times. */
export async function measureGoals(options: GoalOptions): Promise<GoalRow[]> {
  const rows: GoalRow[] = [];
  const say = options.progress ?? (() => undefined);
  const measure = async (goal: GoalRow['goal'], what: string, args: (tree: Tree) => string[], expectPass: boolean): Promise<void> => {
    const row: GoalRow = { goal, what, load: loadavg()[0]!, byTree: options.trees.map(() => []) };
    for (let i = 0; i < options.runs; i++) {
      for (const [t, tree] of options.trees.entries()) row.byTree[t]!.push(await gradeTimed(tree, args(tree), expectPass));
    }
    rows.push(row);
    say(goalLine(row, options.trees));
  };
  // Warm every tree's build cache first (the goals are about grading, not a cold cache).
  for (const tree of options.trees) await gradeTimed(tree, ['--solutions', 'reference', '--all-tests', '--json'], true);
  await measure('catalog', 'whole reference catalog', () => ['--solutions', 'reference'], true);
  for (const slug of options.slugs) await measure('exercise', slug, () => ['--solutions', 'reference', slug], true);
  const scratch = await mkdtemp(path.join(tmpdir(), 'bench-goals-'));
  try {
    for (const slug of options.slugs) {
      // Chosen by this checkout's spec (the last tree), the same folder graded by every tree.
      const newest = options.trees.at(-1)!.root;
      const variant = await cheapFailure(newest, slug);
      if (variant === undefined) continue;
      const dir = path.join(scratch, slug);
      await cp(path.join(newest, 'reference', slug, 'wrong', variant), path.join(dir, slug), { recursive: true });
      await measure('cheap failure', `${slug} (${variant})`, () => ['--solutions', dir, slug], false);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return rows;
}

const GOAL_MS: Record<GoalRow['goal'], number> = { catalog: 15_000, exercise: 3_000, 'cheap failure': 1_000 };

/** A row: for each tree the median grader time (and wall), against the goal. */
export function goalLine(row: GoalRow, trees: Tree[]): string {
  const cells = row.byTree.map((timed, t) => {
    const total = median(timed.map((x) => x.totalMs));
    const wall = median(timed.map((x) => x.wallMs));
    const bad = timed.filter((x) => !x.ok).length;
    const mark = total <= GOAL_MS[row.goal] ? 'met' : 'over';
    return `${trees[t]!.label}: ${(total / 1000).toFixed(1)} s (wall ${(wall / 1000).toFixed(1)} s) ${mark}${bad > 0 ? `, ${bad} not as expected` : ''}`;
  });
  return `  ${row.goal.padEnd(13)} ${row.what.padEnd(38)} load ${row.load.toFixed(1).padStart(5)}  ${cells.join('   ')}`;
}
