// A weak-tier run's process tree: the supervisor's process group, and, with a uid or marker,
// every process of that identity (descendants that escaped the group with setsid or a double
// fork) while no other program of the session runs.
import { sleep } from '../util/time.js';
import { descendantPids, findProcesses, processGroupAlive, processGroupHasLiveMember, sweepProcesses } from './sweep.js';
import type { RunTree, RunTreeContext } from './tier.js';

/** How often the process group is looked at while waiting for it to empty (ms). */
const GROUP_POLL_MS = 10;

/** The tree of one weak-tier run. */
export function weakTree(context: RunTreeContext): RunTree {
  const { pgid, matcher } = context;
  const identityHasProcesses = (): boolean => context.sole() && matcher !== undefined && findProcesses(matcher).length > 0;
  const sweep = (): void => {
    if (context.sole() && matcher !== undefined) sweepProcesses(matcher);
  };
  return {
    discover: () => undefined,
    treePids() {
      if (context.sole() && matcher !== undefined && 'uid' in matcher) return findProcesses(matcher);
      return pgid === undefined ? [] : [pgid, ...descendantPids(pgid)];
    },
    mainHostPid: (ownPid) => ownPid,
    // The supervisor leads the group.
    programPid: (hostPid) => (hostPid === pgid ? undefined : hostPid),
    // A shared session's peers may still be running: its owner sweeps at the end of the test.
    killRest: sweep,
    sweep,
    // The supervisor does not wait for descendants: wait here for the group and, with a uid or
    // marker, for escaped ones too.
    async waitForTree(stopped) {
      if (pgid === undefined) return;
      for (let looks = 1; !stopped(); looks++) {
        const groupAlive = looks % 10 === 0 ? processGroupHasLiveMember(pgid) : processGroupAlive(pgid);
        if (!groupAlive && !identityHasProcesses()) return;
        await sleep(groupAlive ? GROUP_POLL_MS : GROUP_POLL_MS * 5, { unref: true });
      }
    },
    anyLeft: () => (pgid !== undefined && processGroupHasLiveMember(pgid)) || identityHasProcesses(),
    alwaysSettle: false,
    ownPidNamespace: false,
    sandboxPids: () => (pgid === undefined ? [] : [pgid]),
    supervisorPid: () => pgid,
    extraPids: () => (context.ownsSession && matcher !== undefined ? findProcesses(matcher) : []),
  };
}
