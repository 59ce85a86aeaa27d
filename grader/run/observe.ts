// Watching a run's processes and threads under /proc while it runs (tests that set `observe`).
import fs from 'node:fs';
import { childPids } from '../sandbox/sweep.js';
import type { ObservedProcess } from './types.js';

/** Where the run's processes are found on the host, and which of them are the supervisor's. */
export interface ObserveRoots {
  /** Host pid whose descendants are the run (bwrap: the namespace init; weak: the supervisor). */
  treeRoot(): number | undefined;
  /** Pid of the supervisor shell as seen by the program (bwrap: 2; weak: its host pid). */
  supervisorPid(): number | undefined;
  /** The program's main pid as it sees it, once known. */
  mainPid(): number | undefined;
  /** Further host pids of the run (e.g. found by uid: escaped descendants). */
  extraPids(): number[];
}

interface Sample {
  pid: number;
  ppid: number;
  threads: number;
  command: string;
}

function readSample(hostPid: number): (Sample & { hostPpid: number }) | undefined {
  try {
    const status = fs.readFileSync(`/proc/${hostPid}/status`, 'utf8');
    if (/^State:\s+[ZX]/m.test(status)) return undefined;
    const nspid = /^NSpid:\s+(.+)$/m.exec(status)?.[1]?.trim().split(/\s+/).map(Number);
    const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    const hostPpid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const command = fs.readFileSync(`/proc/${hostPid}/cmdline`, 'utf8').replace(/\0+$/, '').split('\0').join(' ');
    return { pid: nspid?.[nspid.length - 1] ?? hostPid, ppid: 0, hostPpid, threads, command };
  } catch {
    return undefined;
  }
}

/** Samples the run's processes every `intervalMs` until stopped; pids as the program sees them. */
export class ProcessObserver {
  private readonly seen = new Map<number, ObservedProcess>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly roots: ObserveRoots,
    private readonly t0: number,
    intervalMs = 10,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Take one sample now. */
  sample(): void {
    const root = this.roots.treeRoot();
    const hostPids = new Set<number>();
    const walk = (pid: number): void => {
      for (const child of childPids(pid)) {
        if (hostPids.has(child)) continue;
        hostPids.add(child);
        walk(child);
      }
    };
    if (root !== undefined) walk(root);
    for (const pid of this.roots.extraPids()) {
      hostPids.add(pid);
      walk(pid);
    }
    const samples = new Map<number, Sample & { hostPpid: number }>();
    for (const hostPid of hostPids) {
      const sample = readSample(hostPid);
      if (sample !== undefined) samples.set(hostPid, sample);
    }
    const supervisor = this.roots.supervisorPid();
    const main = this.roots.mainPid();
    const now = Math.round(performance.now() - this.t0);
    for (const [hostPid, sample] of samples) {
      const ppid = samples.get(sample.hostPpid)?.pid ?? readSample(sample.hostPpid)?.pid ?? 0;
      // Not the program's: the namespace init, the supervisor, and the supervisor's helpers (its `sleep`).
      if (hostPid === root || sample.pid === supervisor || (ppid === supervisor && sample.pid !== main)) continue;
      const known = this.seen.get(hostPid);
      if (known === undefined) {
        this.seen.set(hostPid, { pid: sample.pid, ppid, maxThreads: sample.threads, command: sample.command, firstSeenMs: now });
      } else {
        known.maxThreads = Math.max(known.maxThreads, sample.threads);
        // A fork that then execs shows the exec'd command last.
        if (sample.command !== '') known.command = sample.command;
        known.ppid = ppid;
      }
    }
  }

  /** Stop sampling and return every process seen, in order of appearance. */
  stop(): ObservedProcess[] {
    clearInterval(this.timer);
    return [...this.seen.values()].sort((a, b) => a.firstSeenMs - b.firstSeenMs);
  }
}
