// Checks of a test with a `feed`: every check runs on every split's run; a failure names the
// split (and its seed). `same-across-splits` compares the splits with each other and is
// reported once, as it is.
import type { CheckContext } from '../checks/types.js';
import type { CheckResult } from '../report/types.js';
import type { SplitRun } from '../run/splits.js';
import { feedBytes } from '../run/feed.js';
import type { FeedSpec, TestSpec } from '../spec/types.js';
import { shellQuote } from './shell-quote.js';
import { checkKinds } from '../checks/index.js';

/** Applies a test's checks (the ending first) to one run's context. */
export type ApplyChecks = (test: TestSpec, context: CheckContext) => CheckResult[];

function underSplit(split: SplitRun, result: CheckResult): CheckResult {
  return { ...result, message: `Under split ${split.plan.label}: ${result.message}` };
}

/** The results of the test's checks over every split (one result per check, or the first broken ending). */
export function applySplitChecks(test: TestSpec, context: CheckContext, splits: readonly SplitRun[], apply: ApplyChecks): CheckResult[] {
  const perSplit = splits.map((split) => ({
    split,
    results: apply(test, { ...context, run: split.runs.main ?? context.run, runs: split.runs, workTree: split.workTree, splits }),
  }));
  // A split whose run did not end by itself: its ending is the verdict.
  for (const { split, results } of perSplit) {
    const ending = results.find((result) => result.check === 'ending' && !result.passed);
    if (ending !== undefined) return [underSplit(split, ending)];
  }
  return test.checks.map((spec, index) => {
    const first = perSplit[0]?.results[index];
    if (first === undefined) throw new Error(`no result for check ${index + 1}`);
    if (checkKinds.get(spec.check)?.comparesSplits === true) return first;
    for (const { split, results } of perSplit) {
      const result = results[index];
      if (result !== undefined && !result.passed) return underSplit(split, result);
    }
    return first;
  });
}

/** The start of a shell pipeline that writes a feed's bytes (all at once), for the rerun command: "printf ... | base64 -d | ". */
export function feedRerunInput(feed: FeedSpec): string {
  const base64 = feedBytes(feed).toString('base64');
  return base64.length > 400 ? '' : `printf '%s' ${shellQuote(base64)} | base64 -d | `;
}
