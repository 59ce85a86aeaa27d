// The run's timeout: on expiry, stop the tree and say whether the main process or only its
// descendants were still running.
import type { Termination } from './termination.js';

/** Starts the timer; returns what clears it. */
export function startTimeout(timeoutMs: number, mainStatus: () => number | undefined, termination: Termination): () => void {
  const timer = setTimeout(() => {
    const status = mainStatus();
    const detail =
      status === undefined
        ? `still running after ${timeoutMs} ms`
        : `the main process ended (status ${status}) but its descendants were still running after ${timeoutMs} ms`;
    termination.stop('timeout', detail);
  }, timeoutMs);
  return () => clearTimeout(timer);
}
