// The task channel's lines, and how the reports join what sampling saw (pure functions).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_TASK_REPORTS, mergeTaskReports, parseTaskLine, readTaskChannel, type ReportedRun, type TaskReport } from '../../grader/run/task-reports.js';
import type { ObservedProcess } from '../../grader/run/types.js';

const COMMAND = '/usr/bin/python3 -E -s -B /sandbox/program/.grader-tasks.py /sandbox/program/solution.py';
const RUN: ReportedRun = { mainPid: 3, supervisorPid: 2, mainCommand: COMMAND, sandboxPids: [1, 2], ownPidNamespace: true };

function sampled(pid: number, ppid: number, extra: Partial<ObservedProcess> = {}): ObservedProcess {
  return { pid, ppid, maxThreads: 1, threadIds: 1, command: COMMAND, firstSeenMs: pid, cpuMs: 10, runnableMs: 10, ...extra };
}

const thread = (pid: number, tid: number, atMs = 5): TaskReport => ({ kind: 'thread', pid, tid, atMs });
const fork = (pid: number, ppid: number, atMs = 5): TaskReport => ({ kind: 'fork', pid, ppid, atMs });
const exec = (pid: number, atMs = 5): TaskReport => ({ kind: 'exec', pid, atMs });

describe('parseTaskLine', () => {
  it('reads the three kinds of report', () => {
    expect(parseTaskLine('thread 3 7', 12)).toEqual(thread(3, 7, 12));
    expect(parseTaskLine('fork 9 3', 1)).toEqual(fork(9, 3, 1));
    expect(parseTaskLine('exec 9', 2)).toEqual(exec(9, 2));
  });

  it('refuses anything else: other words, missing or extra fields, signs, zero, beyond the pid range, a process its own parent', () => {
    for (const line of [
      '',
      'thread',
      'thread 3',
      'thread 3 7 8',
      'fork 3',
      'exec 3 4',
      'clone 3 4',
      'thread -3 7',
      'thread 3 +7',
      'thread 0 7',
      'thread 3 07',
      'thread 3 4194305',
      'fork 3 3',
      ' thread 3 7',
      'thread 3 7 ',
      'thread  3 7',
      'thread 3 7.0',
      'thread 1e3 7',
    ])
      expect(parseTaskLine(line, 0), line).toBeUndefined();
    expect(parseTaskLine('thread 4194304 1', 0)).toEqual(thread(4194304, 1, 0));
  });
});

describe('readTaskChannel', () => {
  it('keeps the well-formed lines of every chunk, a line split across chunks too, and resolves closed at the end', async () => {
    const stream = new PassThrough();
    const channel = readTaskChannel(stream, performance.now());
    stream.write('thread 3 4\nfo');
    stream.write('rk 5 3\nnonsense\nexec 5\nthread 3');
    stream.end();
    await channel.closed;
    expect(channel.reports().map(({ atMs: _, ...rest }) => rest)).toEqual([
      { kind: 'thread', pid: 3, tid: 4 },
      { kind: 'fork', pid: 5, ppid: 3 },
      { kind: 'exec', pid: 5 },
    ]);
  });

  it('stops believing a program that floods it', async () => {
    const stream = new PassThrough();
    const channel = readTaskChannel(stream, performance.now());
    const lines = Array.from({ length: MAX_TASK_REPORTS + 50 }, (_, i) => `thread 3 ${i + 4}\n`).join('');
    stream.end(lines);
    await channel.closed;
    expect(channel.reports()).toHaveLength(MAX_TASK_REPORTS);
  });
});

describe('mergeTaskReports', () => {
  it('counts the reported threads of a process with its first thread, when sampling saw fewer', () => {
    const reports = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((tid) => thread(3, tid));
    const merged = mergeTaskReports([sampled(3, 2, { threadIds: 3, maxThreads: 2 })], reports, RUN);
    expect(merged[0]?.threadIds).toBe(11);
    // What was seen at once stays what sampling saw.
    expect(merged[0]?.maxThreads).toBe(2);
  });

  it('keeps what sampling saw when it saw more (threads the runtime does not report), and counts a thread reported twice once', () => {
    const merged = mergeTaskReports([sampled(3, 2, { threadIds: 12 })], [thread(3, 4), thread(3, 4), thread(3, 3)], RUN);
    expect(merged[0]?.threadIds).toBe(12);
    expect(mergeTaskReports([sampled(3, 2, { threadIds: 1 })], [thread(3, 4), thread(3, 4), thread(3, 3)], RUN)[0]?.threadIds).toBe(2);
  });

  it('adds a forked child that sampling missed, with its parent command, and its own threads', () => {
    const merged = mergeTaskReports([sampled(3, 2)], [fork(7, 3, 20), thread(7, 8)], RUN);
    expect(merged.map((p) => p.pid)).toEqual([3, 7]);
    expect(merged[1]).toEqual({ pid: 7, ppid: 3, maxThreads: 1, threadIds: 2, command: COMMAND, firstSeenMs: 20, cpuMs: 0, runnableMs: 0 });
  });

  it('adds a grandchild whose parent was itself only reported, in order of appearance', () => {
    const merged = mergeTaskReports([sampled(3, 2, { firstSeenMs: 1 }), sampled(20, 3, { firstSeenMs: 30 })], [fork(7, 3, 10), fork(9, 7, 12)], RUN);
    expect(merged.map((p) => [p.pid, p.ppid])).toEqual([
      [3, 2],
      [7, 3],
      [9, 7],
      [20, 3],
    ]);
  });

  it("says the program of a reported child that exec'd is unknown, and of one whose parent is unknown too", () => {
    const merged = mergeTaskReports([sampled(3, 2), sampled(8, 3, { command: '', commandBeforeExecOnly: true })], [fork(7, 3), exec(7), fork(9, 8)], RUN);
    expect(merged.find((p) => p.pid === 7)?.commandBeforeExecOnly).toBe(true);
    expect(merged.find((p) => p.pid === 9)?.commandBeforeExecOnly).toBe(true);
  });

  it('knows a sampled child seen only before an exec ran its parent program when it reported its fork and no exec', () => {
    const before = sampled(7, 3, { command: '', commandBeforeExecOnly: true });
    expect(mergeTaskReports([sampled(3, 2), before], [fork(7, 3)], RUN)[1]).toEqual({ ...before, command: COMMAND, commandBeforeExecOnly: undefined });
    expect(mergeTaskReports([sampled(3, 2), before], [fork(7, 3)], RUN)[1]?.commandBeforeExecOnly).toBeUndefined();
    expect(mergeTaskReports([sampled(3, 2), before], [fork(7, 3), exec(7)], RUN)[1]?.commandBeforeExecOnly).toBe(true);
    // Without a report of its fork, nothing is known of it.
    expect(mergeTaskReports([sampled(3, 2), before], [], RUN)[1]?.commandBeforeExecOnly).toBe(true);
  });

  it('refuses reports that cannot be the program: a parent not of it, the main or a sandbox pid, a pid below the main one in its own namespace', () => {
    const processes = [sampled(3, 2)];
    for (const report of [fork(7, 50), fork(3, 3), fork(2, 3), fork(1, 3), thread(50, 51), thread(2, 60)]) {
      const merged = mergeTaskReports(processes, [report], RUN);
      expect(merged, JSON.stringify(report)).toEqual(processes);
    }
    // Without a namespace of its own, a child's pid may be below its parent's.
    expect(
      mergeTaskReports([sampled(900, 800)], [fork(300, 900)], { ...RUN, mainPid: 900, supervisorPid: 800, sandboxPids: [800], ownPidNamespace: false }),
    ).toHaveLength(2);
    expect(mergeTaskReports([sampled(10, 2)], [fork(7, 10, 20), fork(11, 10, 20)], { ...RUN, mainPid: 10 }).map((p) => p.pid)).toEqual([10, 11]);
  });

  it('adds the main process from its reports when sampling never saw it, with the command it was started with', () => {
    const merged = mergeTaskReports([], [thread(3, 4, 40), thread(3, 5, 41), fork(9, 3, 42)], RUN);
    expect(merged).toEqual([
      { pid: 3, ppid: 2, maxThreads: 1, threadIds: 3, command: COMMAND, firstSeenMs: 40, cpuMs: 0, runnableMs: 0 },
      { pid: 9, ppid: 3, maxThreads: 1, threadIds: 1, command: COMMAND, firstSeenMs: 42, cpuMs: 0, runnableMs: 0 },
    ]);
    expect(mergeTaskReports([], [exec(3), thread(3, 4)], RUN)[0]?.command).toBe('');
    // Nothing reported of it: nothing added.
    expect(mergeTaskReports([], [thread(5, 6)], RUN)).toEqual([]);
  });

  it('changes nothing without reports, and leaves its input as it was', () => {
    const processes = [sampled(3, 2), sampled(7, 3)];
    const copy = structuredClone(processes);
    expect(mergeTaskReports(processes, [], RUN)).toEqual(processes);
    mergeTaskReports(processes, [thread(3, 4), thread(3, 5), fork(8, 3)], RUN);
    expect(processes).toEqual(copy);
  });
});
