// Whether a silent run is working, and whether a timed-out run was starved by the machine: the
// decisions are fed numbers (no clock), the /proc parsers real lines.
import { describe, expect, it } from 'vitest';
import {
  cpuTicksOfStat,
  machineTimeOfStat,
  readTreeActivity,
  runDelayNsOfSchedstat,
  starvedAtTimeout,
  wantsToRun,
  workedBetween,
  type MachineTime,
} from '../../grader/run/tree-activity.js';

describe('reading /proc', () => {
  it('sums utime, stime, cutime and cstime of a stat line, past a command name with spaces and parentheses', () => {
    const stat = '8651 (a (b) c) S 8650 8651 8651 0 -1 4194560 3322 44808 0 4 7 5 39 15 20 0 1 0 1637460 5124096 961';
    expect(cpuTicksOfStat(stat)).toBe(7 + 5 + 39 + 15);
  });

  it('takes run_delay, the 2nd field of schedstat', () => {
    expect(runDelayNsOfSchedstat('43611948 188803346 100\n')).toBe(188803346);
  });

  it('splits the machine time into busy (all but idle and iowait) and total, and counts the CPUs', () => {
    const procStat = 'cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\ncpu1 50 3 25 400 20 2 1 0 0 0\nintr 1\n';
    expect(machineTimeOfStat(procStat)).toEqual({ busyTicks: 160, totalTicks: 1000, cpus: 2 });
    expect(machineTimeOfStat('intr 1\n')).toBeUndefined();
  });

  it("reads this process's own activity, and nothing of a pid that does not exist", () => {
    let x = 0;
    for (let i = 0; i < 2e7; i++) x += i % 3;
    expect(x).toBeGreaterThan(0);
    const own = readTreeActivity([process.pid]);
    expect(own.cpuMs).toBeGreaterThan(0);
    expect(own.byPid?.[process.pid]).toBeGreaterThanOrEqual(own.cpuMs);
    // This thread is running while it reads its own state.
    expect(own.readyThreads).toBeGreaterThanOrEqual(1);
    expect(readTreeActivity([2 ** 22 + 1])).toEqual({ cpuMs: 0, waitMs: 0, byPid: {}, readyThreads: 0 });
  });
});

describe('silent but working', () => {
  const before = { cpuMs: 1000, waitMs: 500 };
  it('a tree that used CPU during the window is working', () => {
    expect(workedBetween(before, { cpuMs: 1900, waitMs: 500 }, 1500)).toBe(true);
  });
  it('a tree that only waited for a CPU (starved) is working too', () => {
    expect(workedBetween(before, { cpuMs: 1000, waitMs: 1400 }, 1500)).toBe(true);
  });
  it('a tree that neither ran nor waited for a CPU (blocked, deadlocked) is stuck', () => {
    expect(workedBetween(before, { cpuMs: 1010, waitMs: 501 }, 1500)).toBe(false);
    expect(workedBetween(before, before, 1500)).toBe(false);
  });
});

describe('silent but working, process by process', () => {
  const reading = (byPid: Record<number, number>) => ({ cpuMs: 0, waitMs: 0, byPid });
  it('a spinning process read both times is working, a blocked one is stuck', () => {
    expect(workedBetween(reading({ 10: 300, 11: 1000 }), reading({ 10: 300, 11: 1200 }), 200)).toBe(true);
    expect(workedBetween(reading({ 10: 300, 11: 1000 }), reading({ 10: 300, 11: 1001 }), 200)).toBe(false);
  });
  it('a tree not found in one reading (ending, or its listing raced) is not called stuck', () => {
    // The totals alone would say the tree did -1300 ms of work: "stuck".
    expect(workedBetween(reading({ 10: 300, 11: 1000 }), reading({}), 200)).toBe(true);
    expect(workedBetween(reading({}), reading({ 10: 300 }), 200)).toBe(true);
  });
  it('a thread starved all through the window (no change in its counters) but ready to run is working', () => {
    // As seen at load 26: node's main thread in state R, CPU time and wait unchanged over 200 ms.
    const starved = { cpuMs: 250, waitMs: 651, byPid: { 20919: 16, 20922: 885 } };
    expect(workedBetween({ ...starved, readyThreads: 1 }, { ...starved, readyThreads: 1 }, 200)).toBe(true);
    expect(workedBetween({ ...starved, readyThreads: 1 }, { ...starved, readyThreads: 0 }, 200)).toBe(false);
    expect(wantsToRun('20922 (node) R 20919 20919')).toBe(true);
    expect(wantsToRun('20923 (a b) c) D 1 1')).toBe(true);
    expect(wantsToRun('20924 (node) S 20919 20919')).toBe(false);
  });

  it('a process that ended meanwhile takes nothing away from the others; one that appeared counts all it did', () => {
    expect(workedBetween(reading({ 10: 300, 11: 5000 }), reading({ 10: 301 }), 200)).toBe(false);
    expect(workedBetween(reading({ 10: 300, 11: 5000 }), reading({ 10: 300, 11: 5000, 12: 40 }), 200)).toBe(true);
  });
});

describe('a timeout the machine caused', () => {
  const start: MachineTime = { busyTicks: 0, totalTicks: 0, cpus: 2 };
  /** The machine after 30 s of 2 CPUs (6000 ticks), `busy` ticks of them busy. */
  const after = (busy: number): MachineTime => ({ busyTicks: busy, totalTicks: 6000, cpus: 2 });

  it('is a doubt when others used most of the machine and the run mostly waited for a CPU', () => {
    const reason = starvedAtTimeout({ activity: { cpuMs: 4000, waitMs: 90_000 }, wallMs: 30_000, machineAtStart: start, machineNow: after(5900) });
    expect(reason).toMatch(
      /^the machine was too busy: other programs used 92 % of its 2 CPUs while yours ran, and your program's threads waited 90000 ms in all for a CPU \(they ran 4000 ms\)/,
    );
  });

  it("is the program's when it was blocked (a deadlock: it neither ran nor waited), however busy the machine", () => {
    expect(starvedAtTimeout({ activity: { cpuMs: 20, waitMs: 5 }, wallMs: 30_000, machineAtStart: start, machineNow: after(5900) })).toBeUndefined();
  });

  it("is the program's when it spun on a machine nobody else used (it ran, it did not wait)", () => {
    // Two spinning threads on two idle CPUs: all the busy time is the run's own.
    expect(starvedAtTimeout({ activity: { cpuMs: 59_000, waitMs: 300 }, wallMs: 30_000, machineAtStart: start, machineNow: after(5950) })).toBeUndefined();
  });

  it("is the program's when its own threads crowd the CPUs (100 spinning threads on an idle machine wait, but for each other)", () => {
    expect(
      starvedAtTimeout({ activity: { cpuMs: 59_000, waitMs: 2_900_000 }, wallMs: 30_000, machineAtStart: start, machineNow: after(5950) }),
    ).toBeUndefined();
  });

  it("is the program's when it ran more than it waited, even on a busy machine", () => {
    expect(starvedAtTimeout({ activity: { cpuMs: 20_000, waitMs: 12_000 }, wallMs: 30_000, machineAtStart: start, machineNow: after(5900) })).toBeUndefined();
  });

  it('is not doubted when the machine time is unknown', () => {
    expect(starvedAtTimeout({ activity: { cpuMs: 4000, waitMs: 90_000 }, wallMs: 30_000, machineAtStart: undefined, machineNow: after(5900) })).toBeUndefined();
  });
});
