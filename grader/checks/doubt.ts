// The grader's doubts about its own observation of a run: an outcome that is neither a pass nor
// the student's failure (see CheckOutcome.doubt), and when the observer covered a run too thinly
// to trust the absence of something it did not see.
import type { ProgramRun } from '../run/types.js';
import type { CheckOutcome } from './types.js';

/**
 * The longest blind window of the observer (ObservationCoverage.longestGapMs: from the start of
 * one sample of /proc to the end of the next) within which "not seen" still proves "did not run".
 * The shortest-lived tasks the checks must see are a node child that prints one line (40-70 ms
 * from fork to exit unloaded, longer under load) and a Worker that writes a line and ends (tens of
 * ms); any task that lives longer than the window is surely seen whole by a sample. Unloaded, the
 * sampling thread's windows are a few ms. Under load they grow (the sampler shares its scheduling
 * group with everything the grader's session runs, while each program runs in a session, and so a
 * scheduling autogroup, of its own: it is not slowed alike): measured 26-101 ms with three CPU
 * burners in the grader's session at load 26, where a 100 ms bound let misses of 40-70 ms children
 * through as the student's failure. Beyond this window, a missing task is the grader's doubt.
 */
export const STARVED_GAP_MS = 30;

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
