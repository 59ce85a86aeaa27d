// processes, threads and cpu: checks over what the grader observed while the program ran.
import { describe, expect, it } from 'vitest';
import { cpuCheck } from '../../grader/checks/cpu.js';
import { processesCheck } from '../../grader/checks/processes.js';
import { threadsCheck } from '../../grader/checks/threads.js';
import { bareThreadCount } from '../../grader/run/observe.js';
import type { ObservedProcess } from '../../grader/run/types.js';
import { makeContext, printing } from './helpers.js';

function proc(pid: number, extra: Partial<ObservedProcess> = {}): ObservedProcess {
  return { pid, ppid: 3, maxThreads: 8, threadIds: 8, command: 'node /program/solution.js --child', firstSeenMs: 50, cpuMs: 30, runnableMs: 40, ...extra };
}

const main = proc(3, { ppid: 2, command: 'node /program/solution.js' });

describe('processes', () => {
  const config = { printedPids: ['Hello from child {pid:p}'], descendants: { min: 2 } };
  const ctx = (lines: string[], processes: ObservedProcess[]) => makeContext(printing(lines, { mainPid: 3, processes }));

  it('passes when every printed pid was a child process seen while the program ran', () => {
    expect(processesCheck.run(config, ctx(['Hello from child 11', 'Hello from child 12'], [main, proc(11), proc(12)])).passed).toBe(true);
  });

  it('fails a made-up pid, the own pid, and too few children', () => {
    const made = processesCheck.run(config, ctx(['Hello from child 11', 'Hello from child 99'], [main, proc(11), proc(12)]));
    expect(made.message).toBe(
      'Your program printed the pid 99 (line 2 `Hello from child 99`), but 99 was not a process of your program: no such process ran while it did. Start a real child process; do not make up pids.',
    );
    expect(processesCheck.run(config, ctx(['Hello from child 3'], [main, proc(11), proc(12)])).message).toContain('printed its own pid 3');
    expect(processesCheck.run(config, ctx([], [main, proc(11)])).message).toBe('Only 1 child process of your program was seen while it ran; at least 2 were expected.');
  });

  it('checks the command of the printed pids', () => {
    const outcome = processesCheck.run({ printedPids: ['Child is {pid:p}'], command: 'child.js' }, ctx(['Child is 11'], [main, proc(11)]));
    expect(outcome.message).toBe('Process 11 (line 1 `Child is 11`) ran `node solution.js --child`, not child.js.');
  });

  it('needs observe', () => {
    expect(() => processesCheck.run(config, makeContext(printing([])))).toThrow(/observe: true/);
  });
});

describe('threads', () => {
  const bare = bareThreadCount('1');
  const ctx = (threadIds: number) => makeContext(printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds })] }));

  it('measures a bare node program once', () => {
    expect(bare).toBeGreaterThanOrEqual(2);
    expect(bareThreadCount('1')).toBe(bare);
  });

  it('counts the threads beyond a bare node program as workers', () => {
    expect(threadsCheck.run({ workers: { min: 2 } }, ctx(bare + 2)).passed).toBe(true);
    const none = threadsCheck.run({ workers: { min: 1 } }, ctx(bare));
    expect(none.message).toBe(`Your program ran with no worker threads (at least 1 expected): ${bare} threads were seen in its process, as many as an empty node program has.`);
    expect(threadsCheck.run({ workers: { min: 3 } }, ctx(bare + 1)).message).toContain('only 1 worker thread (at least 3 expected)');
  });
});

describe('cpu', () => {
  const ctx = (cpuMs: number, runnableMs: number) => makeContext(printing([], { mainPid: 3, totalMs: 3000, processes: [proc(3, { cpuMs, runnableMs })] }));

  it('bounds busy thread time and CPU time', () => {
    expect(cpuCheck.run({ maxBusyMs: 6000 }, ctx(150, 1500)).passed).toBe(true);
    expect(cpuCheck.run({ maxBusyMs: 6000 }, ctx(900, 12400)).message).toBe(
      "Your program's threads were busy (running, or ready to run) for 12.4 s in all during a run of 3 s (at most 6 s expected; its CPU time was 900 ms): some thread keeps the processor busy while it waits.",
    );
    expect(cpuCheck.run({ maxMs: 500 }, ctx(900, 0)).message).toBe(
      'Your program used 900 ms of CPU time in a run of 3 s wall time (at most 500 ms expected): some thread keeps the processor busy while it waits.',
    );
    expect(() => cpuCheck.run({}, ctx(0, 0))).toThrow(/maxMs or maxBusyMs/);
  });
});
