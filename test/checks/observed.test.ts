import type { ProgramRun } from '../../grader/run/types.js';
// processes, threads and cpu: checks over what the grader observed while the program ran.
import { describe, expect, it } from 'vitest';
import { cpuCheck } from '../../grader/checks/cpu.js';
import { processesCheck } from '../../grader/checks/processes.js';
import { threadsCheck } from '../../grader/checks/threads.js';
import { bareThreadCount } from '../../grader/run/thread-baseline.js';
import { threadBaselines } from '../../grader/languages/thread-baselines.js';
import { python3 } from '../../grader/languages/python/index.js';
import { typescript } from '../../grader/languages/typescript/index.js';
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
    expect(processesCheck.run(config, ctx([], [main, proc(11)])).message).toBe(
      'Only 1 child process of your program was seen while it ran; at least 2 were expected.',
    );
  });

  it('checks the command of the printed pids', () => {
    const outcome = processesCheck.run({ printedPids: ['Child is {pid:p}'], command: 'child.js' }, ctx(['Child is 11'], [main, proc(11)]));
    expect(outcome.message).toBe('Process 11 (line 1 `Child is 11`) ran `node solution.js --child`, not child.js.');
  });

  it("checks a sibling program by its file in the run's language (program: child)", () => {
    const config = { printedPids: ['Child is {pid:p}'], program: 'child' };
    const withLanguage = (command: string, language: typeof typescript) => ({ ...ctx(['Child is 11'], [main, proc(11, { command })]), language });
    expect(processesCheck.run(config, withLanguage('node /program/child.js 1', typescript)).passed).toBe(true);
    expect(processesCheck.run(config, withLanguage('/usr/bin/python3 -E -s -B /program/child.py 1', python3)).passed).toBe(true);
    const wrong = processesCheck.run(config, withLanguage('/usr/bin/python3 -E -s -B /program/solution.py child 1', python3));
    expect(wrong.message).toBe('Process 11 (line 1 `Child is 11`) ran `python3 -E -s -B solution.py child 1`, not child.py.');
    expect(wrong.hint).toContain('sys.executable');
    // A TypeScript program running child.py is not running its own child program.
    expect(processesCheck.run(config, withLanguage('/usr/bin/python3 /program/child.py 1', typescript)).passed).toBe(false);
  });

  it("is the grader's doubt, not a failure, when it saw a printed child only before its exec", () => {
    const early = proc(14, { command: 'node /program/solution.js', maxThreads: 1, threadIds: 1, commandBeforeExecOnly: true });
    const outcome = processesCheck.run({ printedPids: ['Child is {pid:p}'], command: 'child.js' }, ctx(['Child is 14'], [main, early]));
    expect(outcome.passed).toBe(false);
    expect(outcome.doubt).toBe(
      "the grader saw process 14 (line 1 `Child is 14`) only as it was starting, before it had loaded its program (it still showed its parent's command line), so it could not tell which program it ran",
    );
  });

  it('still fails surely wrong output after a doubt about another line', () => {
    const early = proc(14, { command: 'node /program/solution.js', maxThreads: 1, commandBeforeExecOnly: true });
    const outcome = processesCheck.run({ printedPids: ['Child is {pid:p}'], command: 'child.js' }, ctx(['Child is 14', 'Child is 99'], [main, early]));
    expect(outcome.doubt).toBeUndefined();
    expect(outcome.message).toContain('99 was not a process of your program');
  });

  it('doubts itself, instead of failing, on a pid or a child it did not see while its observer starved', () => {
    const starved = { samples: 4, longestGapMs: 400 };
    const unseen = processesCheck.run(
      config,
      makeContext(printing(['Hello from child 11', 'Hello from child 12'], { mainPid: 3, processes: [main, proc(11)], observation: starved })),
    );
    expect(unseen.doubt).toBe(
      "the grader's observer went 400 ms without a sample of /proc (the machine was too busy), so a short-lived process or thread could have run unseen (pid 12, printed on line 2 `Hello from child 12`, was not seen)",
    );
    const few = processesCheck.run(
      { descendants: { min: 2 } },
      makeContext(printing([], { mainPid: 3, processes: [main], observation: { samples: 0, longestGapMs: 0 } })),
    );
    expect(few.doubt).toBe("the grader's observer took no sample of /proc while your program ran");
    // Sampled closely: not seen means it did not run.
    const close = processesCheck.run(
      config,
      makeContext(printing(['Hello from child 99'], { mainPid: 3, processes: [main, proc(11), proc(12)], observation: { samples: 90, longestGapMs: 12 } })),
    );
    expect(close.doubt).toBeUndefined();
    expect(close.message).toContain('99 was not a process of your program');
  });

  it('doubts a missing child when its blind window could have held one (a node child lives 40-70 ms), even one well under 100 ms', () => {
    // Flake run 6 (load 25-31): a starved observer's windows of 40-100 ms let 40-70 ms children pass unseen.
    const window60 = { samples: 40, longestGapMs: 60 };
    const unseen = processesCheck.run(config, makeContext(printing(['Hello from child 12'], { mainPid: 3, processes: [main], observation: window60 })));
    expect(unseen.passed).toBe(false);
    expect(unseen.doubt).toContain('went 60 ms without a sample');
    const few = processesCheck.run({ descendants: { min: 1 } }, makeContext(printing([], { mainPid: 3, processes: [main], observation: window60 })));
    expect(few.doubt).toContain('went 60 ms without a sample');
    // A window shorter than any child's life: the child did not run.
    const sure = processesCheck.run(
      { descendants: { min: 1 } },
      makeContext(printing([], { mainPid: 3, processes: [main], observation: { samples: 40, longestGapMs: 20 } })),
    );
    expect(sure.doubt).toBeUndefined();
    expect(sure.message).toContain('Only 0 child processes');
  });

  it('needs observe', () => {
    expect(() => processesCheck.run(config, makeContext(printing([])))).toThrow(/observe: true/);
  });
});

describe('threads', () => {
  const bare = bareThreadCount('1');
  const withBaseline = (run: ProgramRun) => makeContext(run, { threadBaselines: { main: bare }, language: typescript });
  const ctx = (threadIds: number) => withBaseline(printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds })] }));

  it('measures a bare node program once', () => {
    expect(bare).toBeGreaterThanOrEqual(2);
    expect(bareThreadCount('1')).toBe(bare);
  });

  it("reads the baseline from the context, and is the grader's doubt without it", () => {
    const run = printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds: bare + 2 })] });
    expect(threadsCheck.run({ workers: { min: 2 } }, makeContext(run, { threadBaselines: { main: bare } })).passed).toBe(true);
    expect(threadsCheck.run({ workers: { min: 2 } }, makeContext(run, { threadBaselines: { main: bare + 1 } })).passed).toBe(false);
    expect(threadsCheck.run({ workers: { min: 2 } }, makeContext(run)).doubt).toContain('had not measured');
  });

  it('counts the threads beyond a bare node program as workers', () => {
    expect(threadsCheck.run({ workers: { min: 2 } }, ctx(bare + 2)).passed).toBe(true);
    const none = threadsCheck.run({ workers: { min: 1 } }, ctx(bare));
    expect(none.message).toBe(
      `Your program ran with no threads of its own (at least 1 expected): ${bare} threads were seen in its process, as many as a node program that starts no Worker has.`,
    );
    expect(none.hint).toContain('worker_threads Worker');
    expect(threadsCheck.run({ workers: { min: 3 } }, ctx(bare + 1)).message).toContain('only 1 thread of its own (at least 3 expected)');
  });

  it("counts a Python program's threads beyond a bare python3's one (threading.Thread is an OS thread)", () => {
    const python = (threadIds: number, baseline: number) =>
      makeContext(printing([], { language: 'python', mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds })] }), {
        threadBaselines: { main: baseline },
        language: python3,
      });
    expect(threadsCheck.run({ workers: { min: 2 } }, python(3, 1))).toMatchObject({ passed: true, message: 'Your program ran 2 threads of its own.' });
    const alone = threadsCheck.run({ workers: { min: 1 } }, python(1, 1));
    expect(alone.passed).toBe(false);
    expect(alone.doubt).toBeUndefined();
    expect(alone.message).toBe(
      'Your program ran with no threads of its own (at least 1 expected): 1 thread was seen in its process, as many as a python3 program that starts no thread has.',
    );
    expect(alone.hint).toContain('threading.Thread');
    // The grader measures the baseline of the run's own language (python3: one thread).
    expect(threadBaselines({ main: { language: 'python', env: { UV_THREADPOOL_SIZE: '1' } } })).toEqual({ main: 1 });
    expect(threadBaselines({ main: { env: { UV_THREADPOOL_SIZE: '1' } } })).toEqual({ main: bare });
  });

  it("is the grader's doubt, not a failure, when it saw no sample of the main process", () => {
    const child = proc(14, { threadIds: bare + 3 });
    const outcome = threadsCheck.run({ workers: { min: 1 } }, withBaseline(printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [child] })));
    expect(outcome).toMatchObject({
      passed: false,
      doubt: "the grader's observer saw no sample of your program's main process while it ran, so it could not count its threads",
    });
    expect(threadsCheck.run({ workers: { min: 1 } }, withBaseline(printing([], { mainPid: 3, processes: [] }))).doubt).toBeDefined();
  });

  it('doubts a main process seen only before node ran (one thread), and too few workers under a starved observer', () => {
    expect(threadsCheck.run({ workers: { min: 1 } }, ctx(1)).doubt).toContain('only as it was starting');
    const starved = withBaseline(
      printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds: bare })], observation: { samples: 3, longestGapMs: 190 } }),
    );
    expect(threadsCheck.run({ workers: { min: 1 } }, starved).doubt).toContain('went 190 ms without a sample');
    const close = withBaseline(
      printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds: bare })], observation: { samples: 50, longestGapMs: 8 } }),
    );
    const sure = threadsCheck.run({ workers: { min: 1 } }, close);
    expect(sure.passed).toBe(false);
    expect(sure.doubt).toBeUndefined();
    // A window that could hold a Worker's whole life (tens of ms): doubt, not the student's failure.
    const window50 = withBaseline(
      printing([], { mainPid: 3, env: { UV_THREADPOOL_SIZE: '1' }, processes: [proc(3, { threadIds: bare })], observation: { samples: 30, longestGapMs: 50 } }),
    );
    expect(threadsCheck.run({ workers: { min: 1 } }, window50).doubt).toContain('went 50 ms without a sample');
  });
});

describe('cpu', () => {
  const ctx = (cpuMs: number, runnableMs: number) => makeContext(printing([], { mainPid: 3, totalMs: 3000, processes: [proc(3, { cpuMs, runnableMs })] }));

  it('bounds busy thread time and CPU time', () => {
    expect(cpuCheck.run({ maxBusyMs: 6000 }, ctx(150, 1500)).passed).toBe(true);
    expect(cpuCheck.run({ maxBusyMs: 6000 }, ctx(4000, 12400)).message).toBe(
      "Your program's threads were busy (running, or ready to run) for 12.4 s in all during a run of 3 s (at most 6 s expected; its CPU time was 4 s): some thread keeps the processor busy while it waits.",
    );
    expect(cpuCheck.run({ maxMs: 500 }, ctx(900, 0)).message).toBe(
      'Your program used 900 ms of CPU time in a run of 3 s wall time (at most 500 ms expected): some thread keeps the processor busy while it waits.',
    );
    expect(() => cpuCheck.run({}, ctx(0, 0))).toThrow(/maxMs or maxBusyMs/);
  });

  it("is the grader's doubt, not a failure, when the threads waited for a processor far longer than they ran", () => {
    // sync-semaphore's reference in a reliability run on a starved machine: 10.61 s busy, 0.70 s of CPU.
    const starved = cpuCheck.run({ maxBusyMs: 7500 }, ctx(700, 10610));
    expect(starved.passed).toBe(false);
    expect(starved.doubt).toBe(
      "your program's threads were ready to run for 9.91 s without getting a processor (the machine was too busy) and ran only 700 ms, so their busy time (10.61 s) cannot tell sleeping from spinning",
    );
    // sync-event's spinning variant beside two burners: a long wait too, but it ran for more than a fifth of the bound.
    const spinning = cpuCheck.run({ maxBusyMs: 6000 }, ctx(3710, 27230));
    expect(spinning.doubt).toBeUndefined();
    expect(spinning.message).toContain('keeps the processor busy');
    // Under a fifth of the bound in CPU time is starvation; a fifth or more is spinning.
    expect(cpuCheck.run({ maxBusyMs: 6000 }, ctx(1199, 6200)).doubt).toBeDefined();
    expect(cpuCheck.run({ maxBusyMs: 6000 }, ctx(1200, 12000)).doubt).toBeUndefined();
    // A CPU time over maxMs is measured without doubt: it fails even when the busy time is in doubt.
    const both = cpuCheck.run({ maxBusyMs: 6000, maxMs: 500 }, ctx(900, 12400));
    expect(both.doubt).toBeUndefined();
    expect(both.message).toBe(
      'Your program used 900 ms of CPU time in a run of 3 s wall time (at most 500 ms expected): some thread keeps the processor busy while it waits.',
    );
    expect(cpuCheck.run({ maxBusyMs: 6000, maxMs: 1000 }, ctx(900, 12400)).doubt).toBeDefined();
  });
});
