// Waiting for the end of a run: the supervisor's exit, its last report, every process of the tree
// (as the tier finds them), then a short settling so that none is left when the run resolves.
import type { RunTree } from '../../sandbox/tier.js';
import { sleep } from '../../util/time.js';
import type { SupervisorReports } from './supervisor-channel.js';
import type { Termination } from './termination.js';

/** Safety net: how long to wait for the killed supervisor to be reported gone, and for the tree to settle (ms). */
const EXIT_GRACE_MS = 2000;

/** What the end of a run is waited for with. */
export interface EndingRun {
  tree: RunTree;
  reports: SupervisorReports;
  termination: Termination;
  /** Resolves when the started process (bwrap or the supervisor) has exited. */
  supervisorGone: Promise<void>;
}

/**
 * After the supervisor has exited: the supervisor reports the status before it exits; none, once
 * every message has been read, means the program (or something else) killed it, and its own
 * status can no longer be known: stop the rest at once. (Never on a timer alone: on a loaded
 * machine the status may still be unread in the pipe.) Then wait for the tree.
 */
export async function treeGone(run: EndingRun): Promise<void> {
  const { reports, termination } = run;
  await run.supervisorGone;
  await Promise.race([reports.closed, sleep(EXIT_GRACE_MS, { unref: true })]);
  if (reports.ended() && termination.reason() === undefined && reports.status() === undefined && reports.mainPid() !== undefined) {
    termination.stop('supervisor-killed', "the grader's supervisor, its parent process, was killed before it ended");
  }
  await run.tree.waitForTree(() => termination.reason() !== undefined);
}

/** After a kill, processes take a moment to finish dying: wait (briefly) until none is left. */
async function settled(tree: RunTree): Promise<void> {
  const limit = performance.now() + EXIT_GRACE_MS;
  while (performance.now() < limit) {
    if (!tree.anyLeft()) return;
    tree.sweep();
    await sleep(1, { unref: true });
  }
}

/**
 * The rest of the end, once the tree is gone: the supervisor's exit, settling, then `stopClocks`
 * (the limits ticker, the timeout) and the last sweep. Resolves with the end time (ms after t0).
 */
export async function finishEnd(run: EndingRun, t0: number, stopClocks: () => void): Promise<number> {
  // After a kill, the supervisor's exit is normally immediate.
  await Promise.race([run.supervisorGone, sleep(EXIT_GRACE_MS, { unref: true })]);
  const endMs = performance.now() - t0;
  if (run.termination.reason() !== undefined || run.tree.alwaysSettle) await settled(run.tree);
  stopClocks();
  run.tree.sweep();
  run.reports.endMain();
  return endMs;
}
