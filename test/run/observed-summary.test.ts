// What the observer's samples say once a run is over: which command each process ran, whether the
// grader may have seen a process only between its fork and its exec, and how well it sampled.
import { describe, expect, it } from 'vitest';
import {
  combineCoverage,
  foldCoverage,
  foldSample,
  mergeEntry,
  seenBeforeExecOnly,
  startFold,
  summariseObserved,
  type ObservedEntry,
} from '../../grader/run/observed-summary.js';

const PARENT = 'node /program/solution.js';
const CHILD = 'node /program/child.js 1';

function entry(hostPid: number, pid: number, ppid: number, extra: Partial<ObservedEntry> = {}): ObservedEntry {
  const command = extra.lastCommand ?? PARENT;
  return {
    hostPid,
    pid,
    ppid,
    tids: [hostPid],
    maxAtOnce: 1,
    commands: command === '' ? [] : [command],
    lastCommand: command,
    lastCommandMs: 10,
    firstSeenMs: 10,
    cpuTicks: 0,
    runnableMs: 0,
    busyMsByTid: {},
    statesAtMs: 10,
    ...extra,
  };
}

const supervisor = { supervisor: 2, main: 3 };
const main = entry(103, 3, 2, { tids: [103, 104, 105, 106, 107, 108, 109], maxAtOnce: 7, firstSeenMs: 5 });

describe('the command a process ran', () => {
  it("is unknown for a child seen only between fork and exec (its parent's command, one thread)", () => {
    const [, child] = summariseObserved([main, entry(114, 14, 3)], supervisor);
    expect(child).toMatchObject({ pid: 14, command: PARENT, commandBeforeExecOnly: true });
  });

  it('is the one seen after exec when both were sampled, whichever sampler reported first', () => {
    const state = new Map<number, ObservedEntry>();
    // The main thread's sampler saw the child after its exec; the sampling thread's earlier sample, before.
    mergeEntry(state, entry(114, 14, 3, { lastCommand: CHILD, lastCommandMs: 30, tids: [114, 115, 116], maxAtOnce: 3, firstSeenMs: 30 }));
    mergeEntry(state, entry(114, 14, 3, { lastCommand: PARENT, lastCommandMs: 12, firstSeenMs: 12 }));
    const [child] = summariseObserved(state.values(), supervisor);
    expect(child).toMatchObject({ pid: 14, command: CHILD, threadIds: 3, firstSeenMs: 12 });
    expect(child?.commandBeforeExecOnly).toBeUndefined();
  });

  it("is unknown for a child seen only with its parent's command, even with several threads (threads and command line are read apart)", () => {
    const racing = entry(114, 14, 3, { tids: [114, 115, 116, 117], maxAtOnce: 4 });
    expect(seenBeforeExecOnly(racing, main)).toBe(true);
    expect(summariseObserved([main, racing], supervisor)[1]?.commandBeforeExecOnly).toBe(true);
  });

  it('is known for a single-threaded child seen with a command of its own (e.g. sleep)', () => {
    expect(seenBeforeExecOnly(entry(114, 14, 3, { lastCommand: 'sleep 1' }), main)).toBe(false);
  });

  it('is unknown when every read of the command line raced with the exit (empty)', () => {
    expect(seenBeforeExecOnly(entry(114, 14, 3, { lastCommand: '' }), main)).toBe(true);
  });
});

describe("which processes are the program's", () => {
  it("keeps the main process and its children, drops the supervisor's helpers, in order of appearance", () => {
    const helper = entry(120, 20, 2, { lastCommand: 'sleep 0.01', firstSeenMs: 1 });
    const child = entry(114, 14, 3, { lastCommand: CHILD, maxAtOnce: 5, firstSeenMs: 20 });
    expect(summariseObserved([child, helper, main], supervisor).map((p) => p.pid)).toEqual([3, 14]);
  });

  it('never flags the main process, whose parent is the supervisor', () => {
    const early = entry(103, 3, 2, { lastCommand: '/bin/sh -c echo "pid $$" >&3; exec "$@" 3>&- sh node /program/solution.js' });
    expect(summariseObserved([early], supervisor)[0]?.commandBeforeExecOnly).toBeUndefined();
  });
});

describe('coverage of a run by the samplers', () => {
  /** The fold of samples given as [start, end, alive] from `fromMs`. */
  const fold = (fromMs: number, samples: [number, number, number][]) =>
    samples.reduce((f, [start, end, alive]) => foldSample(f, start, end, alive), startFold(fromMs));

  it('bounds what could be missed by the start of one sample to the end of the next', () => {
    // A sample that takes long (from 44 to 110) leaves a task living 46..108 unseen: the window is 44..122.
    const f = fold(40, [
      [40, 41, 1],
      [42, 43, 1],
      [44, 110, 1],
      [120, 122, 1],
      [124, 125, 0],
    ]);
    expect(foldCoverage(f, 200)).toEqual({ samples: 5, longestGapMs: 78 });
  });

  it('counts from when sampling began to the end of the first sample', () => {
    expect(
      foldCoverage(
        fold(10, [
          [60, 61, 1],
          [62, 63, 0],
        ]),
        70,
      ),
    ).toEqual({ samples: 2, longestGapMs: 51 });
  });

  it('counts the last window to the stop unless the last sample found the run over', () => {
    // Still alive at the last sample: anything could have run from its start to the stop.
    expect(
      foldCoverage(
        fold(0, [
          [0, 1, 1],
          [2, 3, 1],
        ]),
        90,
      ),
    ).toEqual({ samples: 2, longestGapMs: 88 });
    // The last sample found the run gone after having seen it: nothing ran after it.
    expect(
      foldCoverage(
        fold(0, [
          [0, 1, 1],
          [2, 3, 0],
        ]),
        90,
      ),
    ).toEqual({ samples: 2, longestGapMs: 3 });
    // Never saw the run: it may have run after the last sample.
    expect(
      foldCoverage(
        fold(0, [
          [0, 1, 0],
          [2, 3, 0],
        ]),
        90,
      ),
    ).toEqual({ samples: 2, longestGapMs: 88 });
    // No sample at all: the whole run is one window.
    expect(foldCoverage(startFold(5), 90)).toEqual({ samples: 0, longestGapMs: 85 });
  });

  it('bounds the gap of two samplers by the shorter one, ignoring one that took no sample', () => {
    expect(combineCoverage({ samples: 10, longestGapMs: 80 }, { samples: 3, longestGapMs: 30 })).toEqual({ samples: 13, longestGapMs: 30 });
    expect(combineCoverage({ samples: 0, longestGapMs: 0 }, { samples: 3, longestGapMs: 30 })).toEqual({ samples: 3, longestGapMs: 30 });
    expect(combineCoverage({ samples: 4, longestGapMs: 9 }, { samples: 0, longestGapMs: 0 })).toEqual({ samples: 4, longestGapMs: 9 });
  });
});

describe("the busy time of a process's threads", () => {
  it('takes the latest reading of each thread from either sampler and sums the threads', () => {
    const state = new Map<number, ObservedEntry>();
    // The sampling thread read thread 104 late (3 s spinning) and 105 early; the main thread the other way round.
    mergeEntry(state, entry(103, 3, 2, { tids: [103, 104, 105], busyMsByTid: { 103: 40, 104: 3000, 105: 200 }, runnableMs: 3240, statesAtMs: 3100 }));
    mergeEntry(state, entry(103, 3, 2, { tids: [103, 104, 105], busyMsByTid: { 103: 45, 104: 1000, 105: 2000 }, runnableMs: 3045, statesAtMs: 2100 }));
    expect(state.get(103)?.busyMsByTid).toEqual({ 103: 45, 104: 3000, 105: 2000 });
    const [main] = summariseObserved(state.values(), supervisor);
    expect(main?.runnableMs).toBe(5045);
  });

  it('keeps a thread that ended before the other sampler saw it', () => {
    const state = new Map<number, ObservedEntry>();
    mergeEntry(state, entry(103, 3, 2, { busyMsByTid: { 104: 2500 }, runnableMs: 2500 }));
    mergeEntry(state, entry(103, 3, 2, { busyMsByTid: { 106: 700 }, runnableMs: 700 }));
    expect(state.get(103)?.runnableMs).toBe(3200);
  });
});
