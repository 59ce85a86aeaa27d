// Whether a run's processes were working or waiting for a CPU: a silent program that computes (or
// that a busy machine starves) is not stuck, and a run that hits its timeout while it mostly waited
// for a CPU others were using says more about the machine than about the program. Read from /proc
// by host pid (both sandbox tiers: the grader sees the sandboxed processes' host pids), only at
// the moments a verdict is about to be given, never polled densely.
import fs from 'node:fs';

/** What a run's process tree had done by some moment, summed over its live processes and threads. */
export interface TreeActivity {
  /** CPU time used (user + system, reaped children included), in ms. */
  cpuMs: number;
  /** Time its threads were runnable but waiting for a CPU (schedstat run_delay), in ms. */
  waitMs: number;
  /**
   * CPU time + CPU waiting of each process read, by host pid, in ms: two readings are compared
   * process by process (one that ended or was not found meanwhile is not "idle").
   */
  byPid?: Readonly<Record<number, number>>;
  /**
   * Threads running or ready to run (state R) or held by the kernel (D) at the reading. The kernel
   * adds a thread's wait for a CPU to schedstat only once it gets one: a thread starved for the
   * whole window shows no change at all, but its state says it wants to run.
   */
  readyThreads?: number;
}

/** Kernel clock ticks per second for /proc/PID/stat times (USER_HZ: 100 on every Linux the grader runs on). */
const TICKS_PER_SECOND = 100;

/**
 * The share of a silent window that CPU time plus CPU waiting must fill for the program to count
 * as working: a blocked program (every thread asleep in the kernel) fills ~0 %, a node process
 * that starts, computes or is starved fills most of it.
 */
export const WORKING_SHARE = 0.05;

/**
 * A timeout is the grader's doubt when others kept the machine busy for at least this share of its
 * CPUs during the run...
 */
export const OTHERS_BUSY_SHARE = 0.5;
/** ...and the run's threads waited for a CPU at least as long as they ran, and at least this share of the wall time. */
export const STARVED_WAIT_SHARE = 0.25;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** utime + stime + cutime + cstime of /proc/PID/stat, in ticks (after the command name, which may hold spaces). */
export function cpuTicksOfStat(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3); utime..cstime are fields 14..17.
  const times = fields.slice(11, 15).map(Number);
  return times.length === 4 && times.every(Number.isFinite) ? times.reduce((a, b) => a + b, 0) : undefined;
}

/** run_delay (2nd field of schedstat), in ns. */
export function runDelayNsOfSchedstat(schedstat: string): number | undefined {
  const delay = Number(schedstat.trim().split(/\s+/)[1]);
  return Number.isFinite(delay) ? delay : undefined;
}

/** The activity of these host processes now (a process gone meanwhile counts nothing). */
export function readTreeActivity(pids: readonly number[]): TreeActivity {
  let ticks = 0;
  let delayNs = 0;
  const byPid: Record<number, number> = {};
  let readyThreads = 0;
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    const pidTicks = stat === undefined ? undefined : cpuTicksOfStat(stat);
    if (pidTicks === undefined) continue;
    ticks += pidTicks;
    let pidDelayNs = 0;
    let tids: string[] = [];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      // gone
    }
    for (const tid of tids) {
      const schedstat = read(`/proc/${pid}/task/${tid}/schedstat`);
      pidDelayNs += (schedstat === undefined ? undefined : runDelayNsOfSchedstat(schedstat)) ?? 0;
      const threadStat = read(`/proc/${pid}/task/${tid}/stat`);
      if (threadStat !== undefined && wantsToRun(threadStat)) readyThreads++;
    }
    delayNs += pidDelayNs;
    byPid[pid] = (pidTicks * 1000) / TICKS_PER_SECOND + pidDelayNs / 1e6;
  }
  return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, waitMs: delayNs / 1e6, byPid, readyThreads };
}

/** Whether a thread's stat line shows it running or ready to run (R) or in the kernel's hands (D). */
export function wantsToRun(stat: string): boolean {
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  return state === 'R' || state === 'D';
}

/**
 * True when the tree ran or waited for a CPU for a real share of the window between two readings:
 * a silent program that is working (or starved), not stuck. With readings by process, the
 * processes read both times count what they did between, the ones that appeared count all they
 * did, and ones gone meanwhile count nothing; when no process was read both times (the tree was
 * not found in one reading: it was ending, or its listing raced), the grader cannot tell, and the
 * tree counts as working (the timeout still bounds the run): never "stuck" for a measurement miss.
 * A thread that wants to run at the second reading (state R or D) makes the tree working too.
 */
export function workedBetween(before: TreeActivity, now: TreeActivity, windowMs: number): boolean {
  // Seen (2026-12-07, load 26): a spinning node thread in state R whose CPU time and wait were
  // unchanged over 200 ms (starved all along: the kernel accounts the wait when the CPU comes).
  if ((now.readyThreads ?? 0) > 0) return true;
  if (before.byPid === undefined || now.byPid === undefined) {
    const busyMs = now.cpuMs - before.cpuMs + (now.waitMs - before.waitMs);
    return busyMs >= WORKING_SHARE * windowMs;
  }
  const earlier = before.byPid;
  const pids = Object.keys(now.byPid).map(Number);
  if (!pids.some((pid) => earlier[pid] !== undefined)) return true;
  const busyMs = pids.reduce((sum, pid) => sum + (now.byPid?.[pid] ?? 0) - (earlier[pid] ?? 0), 0);
  return busyMs >= WORKING_SHARE * windowMs;
}

/** The machine's CPU time so far (all CPUs), busy and in all, in ticks, and how many CPUs it has. */
export interface MachineTime {
  busyTicks: number;
  totalTicks: number;
  cpus: number;
}

/** The aggregate `cpu` line of /proc/stat: busy is everything but idle and iowait. */
export function machineTimeOfStat(procStat: string): MachineTime | undefined {
  const line = /^cpu\s+(.*)$/m.exec(procStat)?.[1];
  if (line === undefined) return undefined;
  const values = line.trim().split(/\s+/).map(Number);
  if (values.length < 5 || !values.every(Number.isFinite)) return undefined;
  // user nice system idle iowait irq softirq steal guest guest_nice: guest time is inside user already.
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const cpus = procStat.match(/^cpu\d+\s/gm)?.length ?? 1;
  return { busyTicks: total - idle, totalTicks: total, cpus };
}

/** The machine's CPU time now (undefined where /proc/stat cannot be read). */
export function readMachineTime(): MachineTime | undefined {
  const text = read('/proc/stat');
  return text === undefined ? undefined : machineTimeOfStat(text);
}

/** What is known at a timeout, over the last part of the run: the run's activity then, that part's wall time, and the machine's time at its start and now. */
export interface TimeoutFacts {
  activity: TreeActivity;
  wallMs: number;
  machineAtStart: MachineTime | undefined;
  machineNow: MachineTime | undefined;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * Why a timeout is the grader's doubt (the machine starved the run), or undefined when it is the
 * program's: others used most of the machine AND the run's threads spent a large share of the run
 * waiting for a CPU (at least as long as they ran). A deadlocked program waits for nothing (no
 * CPU wait); an endless loop on a machine nobody else uses runs rather than waits: both stay failures.
 */
export function starvedAtTimeout(facts: TimeoutFacts): string | undefined {
  const { activity, wallMs, machineAtStart, machineNow } = facts;
  if (machineAtStart === undefined || machineNow === undefined || wallMs <= 0) return undefined;
  const total = machineNow.totalTicks - machineAtStart.totalTicks;
  if (total <= 0) return undefined;
  const runTicks = (activity.cpuMs * TICKS_PER_SECOND) / 1000;
  const othersShare = Math.max(0, machineNow.busyTicks - machineAtStart.busyTicks - runTicks) / total;
  const waitShare = activity.waitMs / wallMs;
  if (othersShare < OTHERS_BUSY_SHARE || waitShare < STARVED_WAIT_SHARE || activity.waitMs < activity.cpuMs) return undefined;
  return `the machine was too busy: other programs used ${percent(othersShare)} of its ${machineNow.cpus} CPUs while yours ran, and your program's threads waited ${Math.round(activity.waitMs)} ms in all for a CPU (they ran ${Math.round(activity.cpuMs)} ms) in the last ${Math.round(wallMs)} ms before the timeout, so the timeout measured the machine, not your program`;
}
