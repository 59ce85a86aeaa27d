// The interactive steps against a scripted program (no process): what each step matches, when it
// gives up, and which advice a failure carries.
import { describe, expect, it } from 'vitest';
import {
  ANSWER_INPUT_HINT,
  END_BY_ITSELF_HINT,
  END_ON_QUIT_HINT,
  ENDED_EARLY_HINT,
  endOnSignalHint,
  endedAfterSignalHint,
  EXPECTED_LINE_HINT,
  LATE_STEPS_MS,
  playSteps,
  type StepTarget,
} from '../../grader/run/steps.js';
import type { StepSpec } from '../../grader/spec/types.js';

/**
 * A program that prints `script[i]` in answer to the i-th write (and `atStart` at once), and
 * ends after its last answer when `endsAfterLastAnswer` is set.
 */
function scripted(atStart: string, script: string[], endsAfterLastAnswer = false, mainPid = 100): StepTarget & { written: string[] } {
  let stdout = atStart;
  const written: string[] = [];
  return {
    written,
    write(text) {
      written.push(text);
      stdout += script[written.length - 1] ?? '';
      return Promise.resolve();
    },
    closeStdin() {},
    stdoutSoFar: () => stdout,
    finished: () => endsAfterLastAnswer && written.length >= script.length,
    mainPid: () => mainPid,
    // It takes every signal and goes on running (as a program whose handler does not end it).
    signal: () => ({ sent: true }),
    env: {},
    startedAt: Date.now(),
  };
}

const forkHelloSteps: StepSpec[] = [
  { send: 'x\n' },
  { expectAll: ['Hello from parent {pid:main} {pid:first}', 'Hello from child {pid:first}'], timeoutMs: 200 },
  { send: 'y\n' },
  { expectAll: ['Hello from parent {pid:main} {pid:second}', 'Hello from child {pid:second}'], timeoutMs: 200 },
];

describe('expectAll', () => {
  it('accepts the lines of one step in either order, each bound to the same pids', async () => {
    const childFirst = scripted('', ['Hello from child 201\nHello from parent 100 201\n', 'Hello from parent 100 202\nHello from child 202\n']);
    expect(await playSteps(childFirst, forkHelloSteps)).toBeUndefined();
  });

  it('still binds across its lines: a child line with another pid does not count', async () => {
    const target = scripted('', ['Hello from child 999\nHello from parent 100 201\n', '']);
    const failure = await playSteps(target, forkHelloSteps);
    expect(failure?.step).toBe(1);
    expect(failure?.detail).toBe(
      'step 2 (expect, in any order, "Hello from parent {pid:main} {pid:first}", "Hello from child {pid:first}"): not seen within 200 ms',
    );
  });

  it('finds an assignment that needs backtracking (the first template could take either line)', async () => {
    const target = scripted('', ['n 1 2\nn 3 4\nm 4\n']);
    const steps: StepSpec[] = [{ send: 'go\n' }, { expectAll: ['n {int:a} {int:b}', 'm {int:b}'], timeoutMs: 200 }];
    // "n {int:a} {int:b}" first takes "n 1 2" (b = 2), leaving no "m 2": it must take "n 3 4" instead.
    expect(await playSteps(target, steps)).toBeUndefined();
  });

  it('pairs lines among a flood of look-alikes (only lines that fit a template are tried for it)', async () => {
    const flood = Array.from({ length: 5000 }, (_, i) => `x ${i}\n`).join('');
    const steps: StepSpec[] = [{ send: 'go\n' }, { expectAll: ['x {int:a}', 'y {int:a}'], timeoutMs: 100 }];
    // Trying every pair of lines would take 25 million matches per look: the test would time out.
    expect(await playSteps(scripted('', [`${flood}y 4999\n`]), steps)).toBeUndefined();
    const failure = await playSteps(scripted('', [`${flood}y 5000\n`]), steps);
    expect(failure?.detail).toMatch(/not seen within 100 ms$/);
  }, 15_000);

  it('reads the next step after the last of the lines it matched', async () => {
    const target = scripted('', ['b\na\n', 'c\n']);
    const steps: StepSpec[] = [{ send: '1\n' }, { expectAll: ['a', 'b'] }, { send: '2\n' }, { expect: 'b', timeoutMs: 100 }];
    const failure = await playSteps(target, steps);
    expect(failure?.step).toBe(3);
  });
});

describe('expect', () => {
  it('fails as soon as the program has ended, not at its timeout', async () => {
    const target = scripted('', ['wrong answer\n'], true);
    const failure = await playSteps(target, [{ send: 'x\n' }, { expect: 'right answer', timeoutMs: 600_000 }]);
    // A wait of ten minutes would time the test out: the failure comes from the ending.
    expect(failure?.detail).toBe('step 2 (expect "right answer"): the program ended before printing it');
    expect(failure?.hint).toBe(ENDED_EARLY_HINT);
  });

  it('blames reading standard input only when the expected line was an answer to input', async () => {
    const afterInput = await playSteps(scripted('', ['nothing useful\n']), [{ send: 'x\n' }, { expect: 'answer', timeoutMs: 50 }]);
    expect(afterInput?.hint).toBe(ANSWER_INPUT_HINT);
    const noInput = await playSteps(scripted('starting\n', []), [{ expect: 'ready', timeoutMs: 50 }]);
    expect(noInput?.hint).toBe(EXPECTED_LINE_HINT);
  });

  it("shows the step's own hint in place of the grader's advice", async () => {
    const failure = await playSteps(scripted('starting\n', []), [{ expect: 'ready', timeoutMs: 50, hint: 'Print ready only after installing the handlers.' }]);
    expect(failure?.hint).toBe('Print ready only after installing the handlers.');
  });
});

describe('next: true (the very next line must match)', () => {
  it('fails at once on a wrong next line, without waiting for the timeout', async () => {
    const target = scripted('ready\n', ['USR1 count 1\nusr1 1\n']);
    const failure = await playSteps(target, [{ expect: 'ready' }, { send: 'x\n' }, { expect: 'usr1 1', next: true, timeoutMs: 600_000 }]);
    expect(failure?.detail).toBe('step 3 (expect "usr1 1"): the next line was "USR1 count 1"');
  });

  it('passes when the next line matches, and waits for a line still being printed', async () => {
    expect(await playSteps(scripted('ready\n', ['usr1 1\n']), [{ expect: 'ready' }, { send: 'x\n' }, { expect: 'usr1 1', next: true }])).toBeUndefined();
    // "usr" without its newline may still become "usr1 1": only the timeout ends the wait.
    const partial = await playSteps(scripted('', ['usr']), [{ send: 'x\n' }, { expect: 'usr1 1', next: true, timeoutMs: 50 }]);
    expect(partial?.detail).toBe('step 2 (expect "usr1 1"): not seen within 50 ms');
  });

  it('with expectAll: the next lines in any order, and a line that is none of them fails at once', async () => {
    const steps = (next: boolean): StepSpec[] => [{ send: 'x\n' }, { expectAll: ['b', 'a'], next, timeoutMs: 600_000 }];
    expect(await playSteps(scripted('', ['a\nb\n']), steps(true))).toBeUndefined();
    const failure = await playSteps(scripted('', ['a\nc\nb\n']), steps(true));
    expect(failure?.detail).toBe('step 2 (expect, in any order, "b", "a"): one of the next lines was "c"');
  });
});

describe('a program that a signal ended', () => {
  it('is told which signal of the test ended it', async () => {
    let ended = false;
    const target: StepTarget = {
      ...scripted('ready\n', []),
      signal: () => {
        ended = true; // no handler: SIGINT ends it
        return { sent: true };
      },
      finished: () => ended,
    };
    const failure = await playSteps(target, [{ expect: 'ready' }, { signal: 'SIGINT' }, { expect: 'ignoring SIGINT', timeoutMs: 600_000 }]);
    expect(failure?.detail).toBe('step 3 (expect "ignoring SIGINT"): the program ended before printing it');
    expect(failure?.hint).toBe(endedAfterSignalHint('SIGINT', 2));
  });
});

describe('a signal to a program that has just ended', () => {
  it('waits for the report of its end, and says how it ended rather than that its pid was not found', async () => {
    // The main process is gone from the tree; the supervisor's status arrives a few polls later.
    let looks = 0;
    const target: StepTarget = {
      ...scripted('ready\n', []),
      finished: () => looks >= 3,
      signal: () =>
        ++looks >= 3
          ? { sent: false, reason: 'your program had already ended (exit status 0)' }
          : { sent: false, reason: 'no process of your program with pid 100 (the process the grader started) was running' },
    };
    const failure = await playSteps(target, [{ expect: 'ready' }, { signal: 'SIGUSR1' }]);
    expect(failure?.detail).toBe('step 2 (send SIGUSR1): your program had already ended (exit status 0)');
  });

  it("does not wait for a pid the program printed: that one is not the run's to report", async () => {
    let sends = 0;
    const target: StepTarget = {
      ...scripted('child 7\n', []),
      signal: () => (sends++, { sent: false, reason: 'no process of your program with pid 7 (the pid {pid:kid} your program printed) was running' }),
    };
    const failure = await playSteps(target, [{ expect: 'child {pid:kid}' }, { signal: 'SIGUSR1', to: '{pid:kid}' }]);
    expect(failure?.detail).toBe(
      'step 2 (send SIGUSR1 to {pid:kid}): no process of your program with pid 7 (the pid {pid:kid} your program printed) was running',
    );
    expect(sends).toBe(1);
  });
});

describe('expectExit', () => {
  it('speaks of input only when some was sent', async () => {
    const noInput = await playSteps(scripted('', []), [{ expectExit: { timeoutMs: 50 } }]);
    expect(noInput?.detail).toBe('step 1 (expect the program to end): it did not end within 50 ms');
    expect(noInput?.hint).toBe(END_BY_ITSELF_HINT);
    const afterQ = await playSteps(scripted('', ['']), [{ send: 'q\n' }, { expectExit: { timeoutMs: 50 } }]);
    expect(afterQ?.detail).toBe('step 2 (expect the program to end): it did not end within 50 ms after the last input line "q" (standard input left open)');
    expect(afterQ?.hint).toBe(END_ON_QUIT_HINT);
  });

  it('names the signal the test sent last, not an input line, when a signal came after it', async () => {
    const steps: StepSpec[] = [{ send: 'go\n' }, { expect: 'ready' }, { signal: 'SIGTERM' }, { expectExit: { timeoutMs: 50 } }];
    const failure = await playSteps(scripted('', ['ready\n']), steps);
    expect(failure?.detail).toBe('step 4 (expect the program to end): it did not end within 50 ms after the test sent it SIGTERM (step 3)');
    expect(failure?.hint).toBe(endOnSignalHint('SIGTERM'));
  });
});

describe("the grader's own lateness", () => {
  /** Keeps the event loop (the grader's) busy for `ms` right now: every wait of the steps overruns. */
  function stallGrader(ms: number): void {
    const until = performance.now() + ms;
    while (performance.now() < until);
  }

  it('counts how long the grader stalled while it played the steps, in the failure', async () => {
    const stall = setTimeout(() => stallGrader(400), 30);
    const failure = await playSteps(scripted('starting\n', []), [{ expect: 'ready', timeoutMs: 600 }]);
    clearTimeout(stall);
    expect(failure?.detail).toBe('step 1 (expect "ready"): not seen within 600 ms');
    // The 400 ms stall, give or take the wait it fell in; a program's lateness would not count.
    expect(failure?.graderLateMs).toBeGreaterThanOrEqual(LATE_STEPS_MS);
    expect(failure?.graderLateMs).toBeGreaterThanOrEqual(300);
  });

  it('does not count a stall of the step that found the program ended by itself: its output was final', async () => {
    // A starter: it prints one line and ends at once; the grader stalls while it waits for "ready".
    const endsAt = performance.now() + 60;
    const target = { ...scripted('starting\n', []), finished: () => performance.now() >= endsAt };
    const stall = setTimeout(() => stallGrader(400), 20);
    const failure = await playSteps(target, [{ expect: 'ready', timeoutMs: 5000 }]);
    clearTimeout(stall);
    expect(failure?.detail).toBe('step 1 (expect "ready"): the program ended before printing it');
    expect(failure?.graderLateMs).toBe(0);
  });

  it('counts a stall before that step, which may have sent an input line late', async () => {
    const endsAt = performance.now() + 60;
    const target = { ...scripted('', []), finished: () => performance.now() >= endsAt };
    const stall = setTimeout(() => stallGrader(400), 10);
    const failure = await playSteps(target, [{ waitMs: 30 }, { send: 'go\n' }, { expect: 'ready', timeoutMs: 5000 }]);
    clearTimeout(stall);
    expect(failure?.detail).toBe('step 3 (expect "ready"): the program ended before printing it');
    expect(failure?.graderLateMs).toBeGreaterThanOrEqual(300);
  });
});
