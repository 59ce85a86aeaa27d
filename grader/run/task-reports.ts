// What a language's runtime reports of the tasks it creates (Language.taskReporting): one line per
// event on the run's task channel (fd TASK_REPORT_FD), merged into what the /proc sampler saw.
//
// Sampling every 2 ms misses a thread that lives less than that (a CPython thread that prints ten
// lines) and a forked child that prints one line and exits; a report cannot be missed. The lines:
//   thread PID TID    a thread started in process PID, as it starts (TID: its OS thread id)
//   fork PID PPID     process PID was forked by PPID (written by the child, right after the fork)
//   exec PID          process PID is about to exec another program
// Pids and tids are as the program sees them. Sampling stays for everything else (commands after
// an exec, CPU, children the runtime does not fork itself: os.system's, subprocess's).
//
// The channel is writable by the program: a program that writes made-up lines can only make its
// own thread and process checks pass, as starting real threads and children would. What is cheap
// to refuse is refused: a fork whose parent is not a process of the program, a pid of the
// sandbox's or the main pid, a pid below the main one in a PID namespace of the run's own (pids
// are handed out in ascending order there), numbers beyond the kernel's pid range.
import type { Readable } from 'node:stream';
import type { ObservedProcess } from './types.js';

/** One event a runtime reported; `atMs`: when it reached the grader, ms after the start. */
export type TaskReport =
  | { kind: 'thread'; pid: number; tid: number; atMs: number }
  | { kind: 'fork'; pid: number; ppid: number; atMs: number }
  | { kind: 'exec'; pid: number; atMs: number };

/** The kernel's largest pid (PID_MAX_LIMIT on 64-bit Linux). */
const PID_MAX = 4_194_304;

/** At most this many reports are kept of one run (a program that floods the channel is not believed further). */
export const MAX_TASK_REPORTS = 100_000;

function pidOf(word: string | undefined): number | undefined {
  if (word === undefined || !/^[1-9]\d{0,6}$/.test(word)) return undefined;
  const pid = Number(word);
  return pid <= PID_MAX ? pid : undefined;
}

/** One line of the channel, or undefined when it is not a well-formed report. */
export function parseTaskLine(line: string, atMs: number): TaskReport | undefined {
  const words = line.split(' ');
  const pid = pidOf(words[1]);
  if (pid === undefined) return undefined;
  if (words[0] === 'exec' && words.length === 2) return { kind: 'exec', pid, atMs };
  const other = pidOf(words[2]);
  if (other === undefined || words.length !== 3) return undefined;
  if (words[0] === 'thread') return { kind: 'thread', pid, tid: other, atMs };
  if (words[0] === 'fork' && other !== pid) return { kind: 'fork', pid, ppid: other, atMs };
  return undefined;
}

/** The reports of one run, as they arrive. */
export interface TaskChannel {
  /** Every well-formed report so far, in order of arrival. */
  reports(): TaskReport[];
  /** Resolves when every writer has closed the channel (every line read). */
  readonly closed: Promise<void>;
}

/** Reads the task channel; `t0`: the run's start (performance.now()). */
export function readTaskChannel(channel: Readable | null, t0: number): TaskChannel {
  const reports: TaskReport[] = [];
  let pending = '';
  channel?.setEncoding('latin1');
  channel?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const atMs = Math.round(performance.now() - t0);
    for (const line of lines) {
      if (reports.length >= MAX_TASK_REPORTS) break;
      const report = parseTaskLine(line, atMs);
      if (report !== undefined) reports.push(report);
    }
    // A line never ends: not a report (and not kept growing).
    if (pending.length > 200) pending = '';
  });
  channel?.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => {
    if (channel === null) return resolve();
    channel.once('close', () => resolve());
    channel.once('end', () => resolve());
  });
  return { reports: () => reports, closed };
}

/** What the merge must know of the run to refuse what cannot be its own. */
export interface ReportedRun {
  /** The main process's pid as it sees itself. */
  mainPid: number | undefined;
  /** The supervisor's pid as the program sees it (the main process's parent). */
  supervisorPid: number | undefined;
  /** The command line the main process was started with, arguments joined by spaces (as sampled). */
  mainCommand: string;
  /** The sandbox's own pids (bubblewrap's init, the supervisor). */
  sandboxPids: readonly number[];
  /** The run has a PID namespace of its own: its processes' pids are above the main one. */
  ownPidNamespace: boolean;
}

/**
 * The observed processes with the reported tasks merged in: a reported fork that sampling missed
 * becomes a process (its parent's command: it ran its parent's program unless it exec'd, and then
 * which program it ran is unknown); a process's distinct threads are the most of what sampling saw
 * and what was reported (sampled thread ids are the host's, reported ones the program's: they
 * cannot be joined, and each side alone never counts a thread twice). Pure.
 */
export function mergeTaskReports(processes: readonly ObservedProcess[], reports: readonly TaskReport[], run: ReportedRun): ObservedProcess[] {
  const merged = processes.map((p) => ({ ...p }));
  const execs = new Set(reports.filter((r) => r.kind === 'exec').map((r) => r.pid));
  const unseenMain = mainFromReports(merged, reports, run, execs);
  if (unseenMain !== undefined) merged.push(unseenMain);
  const byPid = new Map(merged.map((p) => [p.pid, p]));
  const ofProgram = (pid: number): boolean => pid === run.mainPid || byPid.has(pid);
  for (const report of reports) {
    if (report.kind !== 'fork' || !plausibleChild(report.pid, run) || !ofProgram(report.ppid)) continue;
    const parent = byPid.get(report.ppid);
    const certain = parent !== undefined && parent.command !== '' && parent.commandBeforeExecOnly !== true && !execs.has(report.pid);
    const known = byPid.get(report.pid);
    if (known !== undefined) {
      // Seen only with its parent's command line, and it reported no exec: it ran its parent's program.
      if (known.commandBeforeExecOnly === true && certain) {
        known.command = parent.command;
        delete known.commandBeforeExecOnly;
      }
      continue;
    }
    const child: ObservedProcess = {
      pid: report.pid,
      ppid: report.ppid,
      maxThreads: 1,
      threadIds: 1,
      command: parent?.command ?? '',
      firstSeenMs: report.atMs,
      cpuMs: 0,
      runnableMs: 0,
    };
    if (!certain) child.commandBeforeExecOnly = true;
    merged.push(child);
    byPid.set(child.pid, child);
  }
  const threads = new Map<number, Set<number>>();
  for (const report of reports) {
    if (report.kind !== 'thread' || !byPid.has(report.pid)) continue;
    const tids = threads.get(report.pid) ?? new Set<number>([report.pid]);
    tids.add(report.tid);
    threads.set(report.pid, tids);
  }
  for (const [pid, tids] of threads) {
    const p = byPid.get(pid)!;
    p.threadIds = Math.max(p.threadIds ?? p.maxThreads, tids.size);
  }
  return merged.sort((a, b) => a.firstSeenMs - b.firstSeenMs);
}

/**
 * The main process when sampling never saw it (a starved observer) but its runtime reported from it:
 * its pid is the supervisor's word, its command the one it was started with (unknown after an exec).
 */
function mainFromReports(
  processes: readonly ObservedProcess[],
  reports: readonly TaskReport[],
  run: ReportedRun,
  execs: ReadonlySet<number>,
): ObservedProcess | undefined {
  const { mainPid } = run;
  if (mainPid === undefined || processes.some((p) => p.pid === mainPid)) return undefined;
  const first = reports.find((r) => (r.kind === 'fork' ? r.ppid : r.pid) === mainPid);
  if (first === undefined) return undefined;
  return {
    pid: mainPid,
    ppid: run.supervisorPid ?? 0,
    maxThreads: 1,
    threadIds: 1,
    command: execs.has(mainPid) ? '' : run.mainCommand,
    firstSeenMs: first.atMs,
    cpuMs: 0,
    runnableMs: 0,
  };
}

/** Could `pid` be a child of the program (not the main process, not the sandbox's, in the namespace's range)? */
function plausibleChild(pid: number, run: ReportedRun): boolean {
  if (run.mainPid === undefined || pid === run.mainPid || run.sandboxPids.includes(pid)) return false;
  return !run.ownPidNamespace || pid > run.mainPid;
}
