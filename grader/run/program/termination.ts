// Stopping a run: the first ending recorded wins, and is recorded at the moment it happens so that
// the verdict can say why the run ended.
import type { Ending } from '../types.js';

/** Why the grader stopped the run. */
export interface StopReason {
  ending: Ending;
  detail?: string | undefined;
  /** The grader doubts this ending (e.g. a timeout on a machine that starved the run): why. */
  doubt?: string | undefined;
}

/** The run's stop switch. */
export interface Termination {
  /** Why the run was stopped, once it was. */
  reason(): StopReason | undefined;
  /** Record the ending (if none was) and kill the whole tree. */
  stop(ending: Ending, detail?: string, doubt?: string): void;
}

/** A stop switch that calls `kill` once, on the first stop. */
export function createTermination(kill: () => void): Termination {
  let stopped: StopReason | undefined;
  return {
    reason: () => stopped,
    stop(ending, detail, doubt) {
      if (stopped !== undefined) return;
      stopped = doubt === undefined ? { ending, detail } : { ending, detail, doubt };
      kill();
    },
  };
}
