// The run's timeout: on expiry, stop the tree and say whether the main process or only its
// descendants were still running, and whether the machine starved the run (then the timeout is
// the grader's doubt, not the program's failure: tree-activity.ts).
import { readMachineTime, readTreeActivity, starvedAtTimeout } from '../tree-activity.js';
import type { Termination } from './termination.js';

/** Starts the timer; returns what clears it. `treePids`: the run's host processes, to tell starvation. */
export function startTimeout(timeoutMs: number, mainStatus: () => number | undefined, termination: Termination, treePids: () => number[] = () => []): () => void {
  const machineAtStart = readMachineTime();
  const t0 = performance.now();
  const timer = setTimeout(() => {
    const status = mainStatus();
    const detail =
      status === undefined
        ? `still running after ${timeoutMs} ms`
        : `the main process ended (status ${status}) but its descendants were still running after ${timeoutMs} ms`;
    const doubt = starvedAtTimeout({ activity: readTreeActivity(treePids()), wallMs: performance.now() - t0, machineAtStart, machineNow: readMachineTime() });
    termination.stop('timeout', detail, doubt);
  }, timeoutMs);
  return () => clearTimeout(timer);
}
