// The grader's doubts about its own observation of a run: an outcome that is neither a pass nor
// the student's failure (see CheckOutcome.doubt), and when the observer covered a run too thinly
// to trust the absence of something it did not see.
import type { ProgramRun } from '../run/types.js';
import type { CheckOutcome } from './types.js';

/**
 * The longest time without a sample of /proc after which the observer counts as starved, and
 * "not seen" no longer proves "did not run". Unloaded, the sampling thread samples every 2 ms;
 * with eight test suites on two cores (load 17-21), 30 observed runs had longest gaps of 9-86 ms
 * (median 23). The processes and threads the checks count live tens of ms at the least (a node
 * child that prints one line: 40-70 ms unloaded), and longer under the load that starves the
 * observer; a gap beyond 100 ms is the grader's doubt.
 */
export const STARVED_GAP_MS = 100;

/** An outcome that says the grader could not measure, and why (not the student's failure). */
export function graderDoubt(reason: string): CheckOutcome {
  return { passed: false, message: `The grader could not measure this reliably: ${reason}.`, doubt: reason };
}

/**
 * Why the observer may have missed a process or a thread that ran (no sample at all, or a long
 * gap between samples), or undefined when it sampled closely enough for "not seen" to mean "did not run".
 */
export function starvedObserver(run: ProgramRun): string | undefined {
  const coverage = run.observation;
  if (coverage === undefined) return undefined;
  if (coverage.samples === 0) return "the grader's observer took no sample of /proc while your program ran";
  if (coverage.longestGapMs > STARVED_GAP_MS) {
    return `the grader's observer went ${coverage.longestGapMs} ms without a sample of /proc (the machine was too busy), so a short-lived process or thread could have run unseen`;
  }
  return undefined;
}
