// Watching a run's processes and threads under /proc while it runs (tests that set `observe`).
//
// A short-lived child (a node that prints one line lives 40-70 ms) must not slip between two
// samples, and the grader's own event loop may be busy for a while (checking 160000 lines of
// another test). So the sampling runs on a worker thread of the grader, every SAMPLE_MS, and sends
// what changed through a message port. It needs nothing from the main thread once started: the
// roots (bwrap or the supervisor, and the sandbox's own pids) are known when the program starts,
// and an observed program starts only once the thread is up (samplerReady). The observer on the
// main thread samples too (every 10 ms, a fallback), and on stop drains the port synchronously.
// Per process it records the distinct thread ids seen (workers that end before others start still
// count), the command lines seen and its CPU time (utime + stime) at the last sample; per run, how
// well the samples covered it, so that a check can tell a starved observer from a program.
// Threads and forked children shorter than a sample (CPython's) are reported by their runtime
// instead, and joined to what is seen here once the run is over (task-reports.ts).
import fs from 'node:fs';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ObservationCoverage, ObservedProcess } from './types.js';
import {
  combineCoverage,
  foldCoverage,
  foldSample,
  mergeEntry,
  startFold,
  summariseObserved,
  type ObservedEntry,
  type SampleFold,
} from './observed-summary.js';

/** Where the run's processes are found on the host, and which of them are the sandbox's own. */
export interface ObserveRoots {
  /** Host pid whose descendants are the run, known from the start (bwrap itself; weak: the supervisor). */
  treeRoot(): number | undefined;
  /** Pids, as the program sees them, of the sandbox's own processes (bwrap: its init and the supervisor; weak: the supervisor). */
  sandboxPids(): number[];
  /** Pid of the supervisor shell as seen by the program (bwrap: 2; weak: its host pid). */
  supervisorPid(): number | undefined;
  /** The program's main pid as it sees it, once known. */
  mainPid(): number | undefined;
  /** Further host pids of the run (e.g. found by uid: escaped descendants). */
  extraPids(): number[];
}

/** How often the sampling thread looks, in ms. */
export const SAMPLE_MS = 2;

/** How long an observed run waits at most for the sampling thread to be up (it starts once per grader). */
const SAMPLER_START_MS = 10_000;

/** The roots as plain values (what the sampling thread is told). */
interface RootValues {
  treeRoot: number | undefined;
  sandbox: number[];
  extra: number[];
}

/** What the sampling thread sends after each sample: the entries that changed, and its coverage of the run so far. */
interface SamplerMessage {
  entries: ObservedEntry[];
  fold: SampleFold;
}

/** One process as one sample read it. */
interface Sample {
  pid: number;
  hostPpid: number;
  command: string;
  cpuTicks: number;
}

/**
 * The readers of /proc the sampling needs, self-contained (no outside names, `fs` passed in), so
 * that the same code runs on the main thread and, through its source text, on the sampling thread.
 */
function samplerParts(fsModule: typeof fs) {
  const read = (file: string): string | undefined => {
    try {
      return fsModule.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const children = (pid: number): number[] => {
    const text = read(`/proc/${pid}/task/${pid}/children`);
    return text === undefined
      ? []
      : text
          .split(' ')
          .filter((word) => word.trim() !== '')
          .map(Number);
  };
  /** The fields of a stat line after "pid (comm) ": the state first (field 3 of stat). */
  const statFields = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
  const cpuTicksOf = (fields: string[]): number => {
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    return Number.isFinite(ticks) ? ticks : 0;
  };
  const commandLine = (hostPid: number): string => (read(`/proc/${hostPid}/cmdline`) ?? '').replace(/\0+$/, '').split('\0').join(' ');
  const readSample = (hostPid: number): Sample | undefined => {
    const status = read(`/proc/${hostPid}/status`);
    if (status === undefined || /^State:\s+[ZX]/m.test(status)) return undefined;
    const nspid = /^NSpid:\s+(.+)$/m.exec(status)?.[1]?.trim().split(/\s+/).map(Number);
    const hostPpid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const fields = statFields(read(`/proc/${hostPid}/stat`) ?? '');
    return { pid: nspid?.[nspid.length - 1] ?? hostPid, hostPpid, command: commandLine(hostPid), cpuTicks: cpuTicksOf(fields) };
  };
  /**
   * A process already known by its pid as the program sees it: only its stat (state, parent, CPU)
   * and command line are read again, which keeps each sample short (a long sample is a wide blind
   * window, and a sampler that works more gets less of the CPU under load).
   */
  const readKnown = (hostPid: number, pid: number): Sample | undefined => {
    const stat = read(`/proc/${hostPid}/stat`);
    if (stat === undefined) return undefined;
    const fields = statFields(stat);
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
    return { pid, hostPpid: Number(fields[1] ?? 0), command: commandLine(hostPid), cpuTicks: cpuTicksOf(fields) };
  };
  /**
   * How long one thread has been busy so far, in ms: its CPU time plus the time it waited, ready
   * to run, for a processor (the first two fields of schedstat, in ns, which the kernel accounts
   * exactly). A thread that spins adds the wall time whatever the load; one that sleeps adds nothing.
   */
  const threadBusyMs = (hostPid: number, tid: number): number | undefined => {
    const fields = read(`/proc/${hostPid}/task/${tid}/schedstat`)?.trim().split(/\s+/);
    const busyNs = Number(fields?.[0]) + Number(fields?.[1]);
    return Number.isFinite(busyNs) ? busyNs / 1e6 : undefined;
  };
  const threadIds = (hostPid: number): number[] => {
    try {
      return fsModule.readdirSync(`/proc/${hostPid}/task`).map(Number);
    } catch {
      return [];
    }
  };
  return { children, readSample, readKnown, threadIds, threadBusyMs };
}

/**
 * Keeping an observed entry up to date, built on samplerParts' thread-state reader; self-contained
 * like it (the thread's source text defines it beside samplerParts).
 */
function entryUpdater(threadBusyMs: (hostPid: number, tid: number) => number | undefined) {
  const sumBusyMs = (byTid: Record<number, number>): number => Object.values(byTid).reduce((sum, ms) => sum + ms, 0);
  return (known: ObservedEntry, sample: Sample, tids: number[], nowMs: number, trackStates: boolean): boolean => {
    const { command } = sample;
    const hostPid = known.hostPid;
    let differs = false;
    if (tids.length > known.maxAtOnce) {
      known.maxAtOnce = tids.length;
      differs = true;
    }
    for (const tid of tids) {
      if (!known.tids.includes(tid)) {
        known.tids.push(tid);
        differs = true;
      }
    }
    // A fork that then execs shows its parent's command first, the exec'd one after.
    if (command !== '') {
      if (!known.commands.includes(command)) known.commands.push(command);
      if (command !== known.lastCommand) differs = true;
      known.lastCommand = command;
      known.lastCommandMs = nowMs;
    }
    if (sample.cpuTicks > known.cpuTicks) {
      known.cpuTicks = sample.cpuTicks;
      differs = true;
    }
    // Every 10 ms: each thread's busy time so far (running or ready to run). Unlike CPU time, it
    // does not shrink when other work shares the processors (a spinning thread is busy all along),
    // and it is counted by the kernel, not by the samples: a starved observer reads it late, not less.
    if (trackStates && nowMs - known.statesAtMs >= 10) {
      for (const tid of tids) {
        const busyMs = threadBusyMs(hostPid, tid);
        if (busyMs !== undefined && busyMs > (known.busyMsByTid[tid] ?? 0)) known.busyMsByTid[tid] = busyMs;
      }
      known.runnableMs = sumBusyMs(known.busyMsByTid);
      known.statesAtMs = nowMs;
      differs = true;
    }
    return differs;
  };
}

/** The sampling itself, built on samplerParts and entryUpdater (in the thread's source text, all three are defined side by side). */
function samplerCore(fsModule: typeof fs) {
  const parts = samplerParts(fsModule);
  const updateEntry = entryUpdater(parts.threadBusyMs);
  /**
   * One sample: updates `state`; returns the host pids whose entry changed (new, new threads,
   * command, CPU) and how many processes of the run it found alive. Every process under the roots but the sandbox's own is kept, the supervisor's
   * helpers too: which child of the supervisor is the program is only sure once the run is over.
   */
  const sampleOnce = (roots: RootValues, state: Map<number, ObservedEntry>, nowMs: number, trackStates: boolean): { changed: number[]; alive: number } => {
    const hostPids = new Set<number>();
    const walk = (pid: number): void => {
      for (const child of parts.children(pid)) {
        if (hostPids.has(child)) continue;
        hostPids.add(child);
        walk(child);
      }
    };
    if (roots.treeRoot !== undefined) walk(roots.treeRoot);
    for (const pid of roots.extra) {
      hostPids.add(pid);
      walk(pid);
    }
    const samples = new Map<number, Sample>();
    for (const hostPid of hostPids) {
      const known = state.get(hostPid);
      const sample = known === undefined ? parts.readSample(hostPid) : parts.readKnown(hostPid, known.pid);
      if (sample !== undefined) samples.set(hostPid, sample);
    }
    const changed: number[] = [];
    let alive = 0;
    for (const [hostPid, sample] of samples) {
      if (hostPid === roots.treeRoot || roots.sandbox.includes(sample.pid)) continue;
      alive++;
      const tids = parts.threadIds(hostPid);
      // An empty command line: the process was exiting (or not yet set up) as it was read.
      const command = sample.command;
      const known = state.get(hostPid);
      if (known === undefined) {
        // The parent, as the program sees it, is needed once: when the process is first seen.
        const ppid = samples.get(sample.hostPpid)?.pid ?? parts.readSample(sample.hostPpid)?.pid ?? 0;
        state.set(hostPid, {
          hostPid,
          pid: sample.pid,
          ppid,
          tids,
          maxAtOnce: tids.length,
          commands: command === '' ? [] : [command],
          lastCommand: command,
          lastCommandMs: nowMs,
          firstSeenMs: nowMs,
          cpuTicks: sample.cpuTicks,
          runnableMs: 0,
          busyMsByTid: {},
          statesAtMs: nowMs - 10,
        });
        updateEntry(state.get(hostPid)!, sample, tids, nowMs, trackStates);
        changed.push(hostPid);
        continue;
      }
      if (updateEntry(known, sample, tids, nowMs, trackStates)) changed.push(hostPid);
    }
    return { changed, alive };
  };
  return { sampleOnce };
}

// The sampling thread: one for the whole grader, started on first use, never keeping it alive.
// It tells when it is up ('ready'), so that no observed program starts before it samples.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const samplerParts = ${samplerParts.toString()};
const entryUpdater = ${entryUpdater.toString()};
const core = (${samplerCore.toString()})(fs);
const startFold = ${startFold.toString()};
const foldSample = ${foldSample.toString()};
const watched = new Map();
let timer;
const tick = () => {
  for (const w of watched.values()) {
    const clock = () => performance.timeOrigin + performance.now() - w.t0;
    const start = clock();
    let found;
    try { found = core.sampleOnce(w.roots, w.state, Math.round(start), true); } catch { continue; }
    w.fold = foldSample(w.fold, start, clock(), found.alive);
    // Every sample is told (its times bound the blind windows), with the entries it changed.
    w.port.postMessage({ entries: found.changed.map((pid) => w.state.get(pid)), fold: w.fold });
  }
  if (watched.size === 0) { clearInterval(timer); timer = undefined; }
};
parentPort.on('message', (m) => {
  if (m.type === 'start') {
    watched.set(m.id, { port: m.port, roots: m.roots, t0: m.t0, state: new Map(), fold: startFold(m.fromMs) });
    if (timer === undefined) timer = setInterval(tick, ${SAMPLE_MS});
    tick();
  } else if (m.type === 'roots') {
    const w = watched.get(m.id);
    if (w) w.roots = m.roots;
  } else if (m.type === 'stop') {
    const w = watched.get(m.id);
    if (w) { w.port.close(); watched.delete(m.id); }
  }
});
parentPort.postMessage('ready');
`;

let samplingThread: Worker | undefined;
let samplingThreadReady: Promise<boolean> | undefined;
let samplingThreadBroken = false;
let nextId = 1;

function samplingWorker(): Worker | undefined {
  if (samplingThreadBroken) return undefined;
  if (samplingThread === undefined) {
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      samplingThread = worker;
      worker.unref();
      samplingThreadReady = new Promise<boolean>((resolve) => {
        worker.once('message', () => resolve(true));
        worker.once('error', () => resolve(false));
        worker.once('exit', () => resolve(false));
      });
      worker.on('error', () => {
        samplingThreadBroken = true;
        samplingThread = undefined;
      });
    } catch {
      samplingThreadBroken = true;
      return undefined;
    }
  }
  return samplingThread;
}

/**
 * Resolves once the sampling thread is up (started on first use; a new thread takes tens of ms,
 * far more on a loaded machine): a program that starts earlier could end unseen. Resolves false
 * when the thread could not start or took too long (the main thread then samples alone).
 */
export async function samplerReady(): Promise<boolean> {
  if (samplingWorker() === undefined || samplingThreadReady === undefined) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), SAMPLER_START_MS)));
  try {
    return await Promise.race([samplingThreadReady, late]);
  } finally {
    clearTimeout(timer);
  }
}

const mainThreadCore = samplerCore(fs);

/** Samples the run's processes until stopped; pids as the program sees them. */
export class ProcessObserver {
  private readonly state = new Map<number, ObservedEntry>();
  private readonly timer: NodeJS.Timeout;
  private readonly id = nextId++;
  private readonly port: MessagePort | undefined;
  private readonly worker: Worker | undefined;
  private lastRoots = '';
  /** The sampling thread's coverage, as last reported; the main thread's own (its fallback samples). */
  private threadFold: SampleFold;
  private mainFold: SampleFold;

  constructor(
    private readonly roots: ObserveRoots,
    private readonly t0: number,
    intervalMs = 10,
  ) {
    // Windows count from now: the program cannot have started before its launcher was spawned.
    const fromMs = performance.now() - t0;
    this.threadFold = startFold(fromMs);
    this.mainFold = startFold(fromMs);
    this.worker = samplingWorker();
    if (this.worker !== undefined) {
      const channel = new MessageChannel();
      this.port = channel.port1;
      const t0Epoch = performance.timeOrigin + t0;
      try {
        this.worker.postMessage({ type: 'start', id: this.id, port: channel.port2, roots: this.rootValues(), t0: t0Epoch, fromMs }, [channel.port2]);
      } catch {
        this.port = undefined;
      }
    }
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private rootValues(): RootValues {
    return { treeRoot: this.roots.treeRoot(), sandbox: this.roots.sandboxPids(), extra: this.roots.extraPids() };
  }

  private drain(): void {
    if (this.port === undefined) return;
    for (;;) {
      const received: { message: SamplerMessage } | undefined = receiveMessageOnPort(this.port);
      if (received === undefined) return;
      for (const entry of received.message.entries) mergeEntry(this.state, entry);
      this.threadFold = received.message.fold;
    }
  }

  /** Take one sample now (and tell the sampling thread of new roots). */
  sample(): void {
    const roots = this.rootValues();
    const key = JSON.stringify(roots);
    if (key !== this.lastRoots && this.worker !== undefined && this.port !== undefined) {
      this.lastRoots = key;
      this.worker.postMessage({ type: 'roots', id: this.id, roots });
    }
    this.drain();
    const own = new Map<number, ObservedEntry>();
    for (const [hostPid, entry] of this.state) own.set(hostPid, { ...entry, tids: [...entry.tids], commands: [...entry.commands] });
    const nowMs = performance.now() - this.t0;
    // Thread states are the sampling thread's to track (one clock); here only without it.
    const { changed, alive } = mainThreadCore.sampleOnce(roots, own, Math.round(nowMs), this.port === undefined);
    this.mainFold = foldSample(this.mainFold, nowMs, performance.now() - this.t0, alive);
    for (const hostPid of changed) mergeEntry(this.state, own.get(hostPid)!);
  }

  /** Stop sampling; every process of the program seen, in order of appearance, and how well the run was covered. */
  stop(): { processes: ObservedProcess[]; coverage: ObservationCoverage } {
    clearInterval(this.timer);
    this.drain();
    const untilMs = performance.now() - this.t0;
    if (this.worker !== undefined && this.port !== undefined) {
      this.worker.postMessage({ type: 'stop', id: this.id });
      this.port.close();
    }
    const processes = summariseObserved(this.state.values(), { supervisor: this.roots.supervisorPid(), main: this.roots.mainPid() });
    return { processes, coverage: combineCoverage(foldCoverage(this.threadFold, untilMs), foldCoverage(this.mainFold, untilMs)) };
  }
}

/** Thread time spent running or ready to run, of every observed process, in ms. */
export function observedRunnableMs(processes: readonly ObservedProcess[]): number {
  return processes.reduce((sum, p) => sum + (p.runnableMs ?? 0), 0);
}

/** CPU time (user + system) of every observed process, at its last sample, in ms. */
export function observedCpuMs(processes: readonly ObservedProcess[]): number {
  return processes.reduce((sum, p) => sum + (p.cpuMs ?? 0), 0);
}
