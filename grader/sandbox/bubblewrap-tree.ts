// A bubblewrap run's process tree: bwrap's child is the namespace's init, and every process of
// the run is its descendant; when it has gone, every process of the namespace has.
import { childPids, descendantPids, findProcesses, innerPid, killPid, processLive } from './sweep.js';
import type { RunTree, RunTreeContext } from './tier.js';

/** The tree of one bubblewrap run. */
export function bubblewrapTree(context: RunTreeContext): RunTree {
  const { pgid } = context;
  let namespaceInit: number | undefined;
  return {
    discover() {
      if (namespaceInit === undefined && pgid !== undefined && !context.supervisorExited()) namespaceInit = childPids(pgid)[0];
    },
    treePids: () => (namespaceInit === undefined ? [] : descendantPids(namespaceInit)),
    mainHostPid(ownPid) {
      if (namespaceInit === undefined) return undefined;
      const supervisor = childPids(namespaceInit)[0];
      return supervisor === undefined ? undefined : childPids(supervisor).find((pid) => innerPid(pid) === ownPid);
    },
    // Inside the namespace bwrap's init is pid 1 and the supervisor pid 2.
    programPid(hostPid) {
      const own = innerPid(hostPid) ?? 0;
      return own > 2 ? own : undefined;
    },
    killRest() {
      // Only while bwrap lives: until it has reaped its child, that pid cannot belong to anyone else.
      if (namespaceInit !== undefined && !context.supervisorExited()) killPid(namespaceInit);
    },
    sweep: () => undefined,
    // bwrap exits only once its namespace is empty.
    waitForTree: () => Promise.resolve(),
    anyLeft() {
      if (namespaceInit !== undefined) return processLive(namespaceInit);
      return context.sole() && context.matcher !== undefined && findProcesses(context.matcher).length > 0;
    },
    alwaysSettle: true,
    ownPidNamespace: true,
    sandboxPids: () => [1, 2],
    supervisorPid: () => 2,
    extraPids: () => [],
  };
}
