// The run's timeout: on expiry, stop the tree and say whether the main process or only its
// descendants were still running, and whether the machine starved the run near its end (then the
// timeout is the grader's doubt, not the program's failure: tree-activity.ts).
import { readMachineTime, readTreeActivity, starvedAtTimeout, type MachineTime, type TreeActivity } from '../tree-activity.js';
import type { Termination } from './termination.js';

/**
 * The share of the timeout, at its end, over which starvation is measured: a program asleep or
 * blocked at the end (a deadlock after a slow start, descendants that sleep) was not starved then.
 */
const LAST_SHARE = 0.25;

interface Reading {
  atMs: number;
  activity: TreeActivity;
  machine: MachineTime | undefined;
}

/** Starts the timer; returns what clears it. `treePids`: the run's host processes, to tell starvation. */
export function startTimeout(
  timeoutMs: number,
  mainStatus: () => number | undefined,
  termination: Termination,
  treePids: () => number[] = () => [],
): () => void {
  const read = (): Reading => ({ atMs: performance.now(), activity: readTreeActivity(treePids()), machine: readMachineTime() });
  let before: Reading | undefined;
  const early = setTimeout(() => (before = read()), timeoutMs * (1 - LAST_SHARE));
  const timer = setTimeout(() => {
    const status = mainStatus();
    const detail =
      status === undefined
        ? `still running after ${timeoutMs} ms`
        : `the main process ended (status ${status}) but its descendants were still running after ${timeoutMs} ms`;
    const now = read();
    const doubt =
      before === undefined
        ? undefined
        : starvedAtTimeout({
            activity: { cpuMs: now.activity.cpuMs - before.activity.cpuMs, waitMs: now.activity.waitMs - before.activity.waitMs },
            wallMs: now.atMs - before.atMs,
            machineAtStart: before.machine,
            machineNow: now.machine,
          });
    termination.stop('timeout', detail, doubt);
  }, timeoutMs);
  return () => {
    clearTimeout(early);
    clearTimeout(timer);
  };
}
