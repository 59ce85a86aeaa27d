// A test with a `feed` runs once per split (whole, bytewise, random ×N, paused), each run in a
// fresh work directory, the same bytes fed through the main process's live standard input.
import { randomInt } from 'node:crypto';
import type { TestSpec } from '../spec/types.js';
import { DEFAULT_START_DELAY_MS, feedBytes, feedInto, planSplits } from './feed.js';
import type { RunningProgram } from './run-program.js';
import type { RunTestOptions, SplitPlan, SplitRun, TestRunResult } from './types.js';

/** Gives a running main process its standard input. */
export type FeedMain = (running: RunningProgram) => Promise<void>;

/** One split's run: how the bytes were split, and what the processes did. */
export type { SplitRun } from './types.js';

/** Runs the test once per split of its feed (in the order planSplits gives); the first split's run is the result's own. */
export async function runSplits(
  test: TestSpec,
  options: RunTestOptions,
  once: (plan: SplitPlan, feedMain: FeedMain) => Promise<TestRunResult>,
): Promise<TestRunResult> {
  const feed = test.feed;
  if (feed === undefined) throw new Error('runSplits needs a test with a feed');
  const bytes = feedBytes(feed);
  const seed = options.seed ?? test.seed ?? randomInt(1, 2 ** 31 - 1);
  const startDelayMs = feed.startDelayMs ?? DEFAULT_START_DELAY_MS;
  const splits: SplitRun[] = [];
  let first: TestRunResult | undefined;
  for (const plan of planSplits(feed, bytes.length, seed)) {
    const result = await once(plan, (running) => feedInto(running, bytes, plan, startDelayMs));
    first ??= result;
    splits.push({ plan, runs: result.runs, workTree: result.workTree });
  }
  if (first === undefined) throw new Error('a feed needs at least one split');
  return { ...first, splits };
}
