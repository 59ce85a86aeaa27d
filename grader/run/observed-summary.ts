// What the observer's samples of /proc say about a run's processes, once the run is over: which
// processes were the program's, which command each one ran, and how sure the grader can be of it.
// Pure: no /proc, no clock (grader/run/observe.ts takes the samples).
import type { ObservationCoverage, ObservedProcess } from './types.js';

/** What is known of one process from its samples, by host pid. */
export interface ObservedEntry {
  hostPid: number;
  /** Pid as the program sees it. */
  pid: number;
  /** Parent's pid as the program sees it, when first seen. */
  ppid: number;
  /** Distinct thread ids seen. */
  tids: number[];
  /** Most threads seen at once. */
  maxAtOnce: number;
  /** Every non-empty command line seen (a fork shows its parent's, then the exec'd one). */
  commands: string[];
  /** The command line of the latest sample that had one, and when it was taken (ms since the start). */
  lastCommand: string;
  lastCommandMs: number;
  firstSeenMs: number;
  cpuTicks: number;
  /** Thread time spent running or ready to run, summed over threads, in ms (the sum of busyMsByTid). */
  runnableMs: number;
  /** Each thread's busy time (CPU time + wait for a processor, from schedstat) at its latest reading, by thread id. */
  busyMsByTid: Record<number, number>;
  /** When the threads' busy times were last read (ms since the start). */
  statesAtMs: number;
}

/** The run's sandbox processes and main pid, known once it is over. */
export interface FinalRoots {
  /** Pid of the supervisor shell as the program sees it (its other children are its helpers). */
  supervisor: number | undefined;
  /** The program's main pid, when it started. */
  main: number | undefined;
}

/** CPU clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Merges what one sampler saw of a process into what is known of it. */
export function mergeEntry(state: Map<number, ObservedEntry>, entry: ObservedEntry): void {
  const known = state.get(entry.hostPid);
  if (known === undefined) {
    state.set(entry.hostPid, { ...entry, tids: [...entry.tids], commands: [...entry.commands], busyMsByTid: { ...entry.busyMsByTid } });
    return;
  }
  for (const tid of entry.tids) if (!known.tids.includes(tid)) known.tids.push(tid);
  for (const command of entry.commands) if (!known.commands.includes(command)) known.commands.push(command);
  if (entry.lastCommand !== '' && entry.lastCommandMs >= known.lastCommandMs) {
    known.lastCommand = entry.lastCommand;
    known.lastCommandMs = entry.lastCommandMs;
  }
  if (entry.firstSeenMs < known.firstSeenMs) {
    known.firstSeenMs = entry.firstSeenMs;
    known.ppid = entry.ppid; // the parent when first seen (an orphan is re-parented later)
  }
  known.cpuTicks = Math.max(known.cpuTicks, entry.cpuTicks);
  known.maxAtOnce = Math.max(known.maxAtOnce, entry.maxAtOnce);
  // Two samplers read the same kernel counters: the later reading of each thread is the larger.
  for (const [tid, ms] of Object.entries(entry.busyMsByTid)) known.busyMsByTid[Number(tid)] = Math.max(known.busyMsByTid[Number(tid)] ?? 0, ms);
  known.runnableMs = Math.max(
    known.runnableMs,
    Object.values(known.busyMsByTid).reduce((sum, ms) => sum + ms, 0),
  );
  known.statesAtMs = Math.max(known.statesAtMs, entry.statesAtMs);
}

/**
 * Whether the process may have been seen only between its fork and its exec. A forked child
 * shows its parent's command line until it execs, and has a single thread then (fork copies
 * only the calling thread). So a process whose every sample showed its parent's command (or
 * none) may have run anything.
 */
export function seenBeforeExecOnly(entry: ObservedEntry, parent: ObservedEntry | undefined): boolean {
  // Several threads do not prove which program ran: a sample reads the task list and the command
  // line apart, and an exec between the two shows the new program's threads beside the parent's
  // command line (a fresh-clone CI at 998edde failed a correct fork-exec so, under two burners).
  if (entry.lastCommand === '') return true;
  return parent !== undefined && parent.commands.includes(entry.lastCommand);
}

/**
 * The program's processes, in order of appearance: without the supervisor's helpers (its other
 * children than the main process), each with the command it ran (the latest seen).
 */
export function summariseObserved(entries: Iterable<ObservedEntry>, roots: FinalRoots): ObservedProcess[] {
  const program = [...entries]
    .filter((entry) => !(roots.supervisor !== undefined && entry.ppid === roots.supervisor && entry.pid !== roots.main))
    .sort((a, b) => a.firstSeenMs - b.firstSeenMs);
  const byPid = new Map(program.map((entry) => [entry.pid, entry]));
  return program.map((entry) => {
    const observed: ObservedProcess = {
      pid: entry.pid,
      ppid: entry.ppid,
      maxThreads: entry.maxAtOnce,
      threadIds: entry.tids.length,
      command: entry.lastCommand,
      firstSeenMs: entry.firstSeenMs,
      cpuMs: (entry.cpuTicks * 1000) / TICKS_PER_SECOND,
      runnableMs: entry.runnableMs,
    };
    if (entry.pid !== roots.main && seenBeforeExecOnly(entry, byPid.get(entry.ppid))) observed.commandBeforeExecOnly = true;
    return observed;
  });
}

/**
 * One sampler's coverage of a run, folded sample by sample. A task (process or thread) is surely
 * seen when a whole sample (its start, when the tree is walked, to its end, when every process of
 * it has been read) falls within the task's life. So what a sampler could miss is bounded by its
 * longest blind window: from the start of one sample to the end of the next (from when sampling
 * began to the end of the first; from the start of the last to the run's end, unless that sample
 * already found the run over). A task that lived longer than that was seen.
 */
export interface SampleFold {
  samples: number;
  /** The longest window so far, in ms. */
  longestMs: number;
  /** When the last sample started (or sampling began), in ms since the run's start. */
  lastStartMs: number;
  /** Whether some sample found a process of the run. */
  seenAny: boolean;
  /** Whether the last sample found one (false: the run was over, or not yet started). */
  lastAlive: boolean;
}

/** A fold before any sample: sampling began at `fromMs`. Self-contained (the sampling thread gets its source). */
export function startFold(fromMs: number): SampleFold {
  return { samples: 0, longestMs: 0, lastStartMs: fromMs, seenAny: false, lastAlive: false };
}

/** The fold after one more sample, taken from `startMs` to `endMs`, that found `alive` processes of the run. Self-contained. */
export function foldSample(fold: SampleFold, startMs: number, endMs: number, alive: number): SampleFold {
  return {
    samples: fold.samples + 1,
    longestMs: Math.max(fold.longestMs, endMs - fold.lastStartMs),
    lastStartMs: startMs,
    seenAny: fold.seenAny || alive > 0,
    lastAlive: alive > 0,
  };
}

/**
 * The coverage of a run observed until `untilMs` (when the observer stopped, after the run): the
 * last window counts to then, unless the last sample came after every process of the run had been
 * seen and was gone (a run never seen at all is not over: it may have run in between).
 */
export function foldCoverage(fold: SampleFold, untilMs: number): ObservationCoverage {
  const over = fold.seenAny && !fold.lastAlive;
  const trailing = over ? 0 : untilMs - fold.lastStartMs;
  return { samples: fold.samples, longestGapMs: Math.round(Math.max(fold.longestMs, trailing)) };
}

/**
 * Two samplers together: the longest blind window of their union is at most the shorter of their
 * longest windows (any stretch that holds a whole sample of one holds a sample of the union), so
 * that is a safe bound. A sampler that
 * took no sample does not count.
 */
export function combineCoverage(a: ObservationCoverage, b: ObservationCoverage): ObservationCoverage {
  if (a.samples === 0) return b;
  if (b.samples === 0) return a;
  return { samples: a.samples + b.samples, longestGapMs: Math.min(a.longestGapMs, b.longestGapMs) };
}
