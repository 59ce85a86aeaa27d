// The ending verdict of multi-process tests, and checks applied over the splits of a feed.
import { describe, expect, it } from 'vitest';
import { decidedChecks, endingVerdict } from '../../grader/grade/endings.js';
import { stoppedDetail } from '../../grader/run/decided.js';
import { applySplitChecks } from '../../grader/grade/split-checks.js';
import { withStepsDoubt } from '../../grader/run/run-program.js';
import { LATE_STEPS_MS } from '../../grader/run/steps.js';
import type { SplitRun } from '../../grader/run/splits.js';
import { makeContext, makeRun, makeTest } from '../checks/helpers.js';

describe('endingVerdict', () => {
  it('passes (undefined) when every process ended by itself', () => {
    expect(endingVerdict(makeTest(), { main: makeRun() })).toBeUndefined();
  });

  it('names the peer that had gone when a process stalled waiting for it', () => {
    const test = makeTest({ timeoutMs: 8000, processes: [{ name: 'writer', args: [] }] });
    const main = makeRun({ ending: 'timeout', endingDetail: 'still running after 8000 ms', exitCode: null, signal: 'SIGKILL' });
    const writer = makeRun({ name: 'writer', exitCode: 1, elapsedMs: 140, stderr: 'error: cannot make FIFO spam.fifo: File exists\n' });
    const verdict = endingVerdict(test, { main, writer });
    expect(verdict?.passed).toBe(false);
    expect(verdict?.message).toBe(
      'Your program\'s "writer" process exited with status 1 after 0.14 s (stderr: `error: cannot make FIFO spam.fifo: File exists`). ' +
        'Your program was still running after 8 s and was stopped. It printed nothing on stdout. ' +
        'It was most likely waiting for the "writer" process, which had already ended.',
    );
    expect(verdict?.hint).toMatch(/waits forever once the peer has gone/);
  });

  it("makes a timeout the machine starved a doubt (measured again, then the grader's error), never a failure", () => {
    const test = makeTest({ timeoutMs: 30_000, processes: [{ name: 'writer', args: [] }] });
    const main = makeRun({
      ending: 'timeout',
      endingDetail: 'still running after 30000 ms',
      endingDoubt: 'the machine was too busy',
      exitCode: null,
      signal: 'SIGKILL',
    });
    const writer = makeRun({ name: 'writer', exitCode: 0, elapsedMs: 140 });
    const verdict = endingVerdict(test, { main, writer });
    expect(verdict).toMatchObject({ check: 'ending', passed: false, doubt: 'the machine was too busy' });
    expect(verdict?.message).toBe('The grader could not measure this reliably: the machine was too busy.');
    // The same timeout without the doubt stays the program's failure.
    const { endingDoubt: _doubt, ...plain } = main;
    expect(endingVerdict(test, { main: plain, writer })?.doubt).toBeUndefined();
  });

  it("says a failed step's last line once, with the step's hint", () => {
    const main = makeRun({
      ending: 'step-timeout',
      stdout: 'ready\nusr1 2\n',
      exitCode: null,
      signal: 'SIGUSR1',
      endedDuringSteps: true,
      endingDetail: 'step 4 (expect "usr1 1"): the program ended before printing it',
      stepHint: 'Count each SIGUSR1 once, starting at 1.',
    });
    const verdict = endingVerdict(makeTest(), { main });
    expect(verdict?.message).toBe(
      'Your program was killed by signal SIGUSR1 during the interactive steps. step 4 (expect "usr1 1"): the program ended before printing it. The last line it printed was `usr1 2`.',
    );
    expect(verdict?.hint).toBe('Count each SIGUSR1 once, starting at 1.');
  });

  it('makes a failed step a doubt when the grader itself stalled long enough while it played the steps', () => {
    // A signals program gave up waiting (its own 10 s timer) before the grader, stalled, sent SIGUSR1.
    const main = makeRun({
      ending: 'step-timeout',
      stdout: 'ready 7\ntimeout\n',
      exitCode: 1,
      endedDuringSteps: true,
      endingDetail: 'step 3 (expect "usr1 {int}"): the program ended before printing it',
    });
    const failure = { step: 2, detail: main.endingDetail ?? '', graderLateMs: 9800 };
    const verdict = endingVerdict(makeTest(), { main: withStepsDoubt(main, failure) });
    expect(verdict).toMatchObject({ check: 'ending', passed: false });
    expect(verdict?.doubt).toMatch(/^the grader itself was held up 9800 ms in all while it played the test's steps/);
    // A grader that kept up: the program's failure.
    const keptUp = endingVerdict(makeTest(), { main: withStepsDoubt(main, { ...failure, graderLateMs: LATE_STEPS_MS - 1 }) });
    expect(keptUp?.doubt).toBeUndefined();
    expect(keptUp?.message).toMatch(/^Your program exited with status 1 during the interactive steps/);
    // The same holds for a stop at the test's timeout or for no progress while the steps were played.
    for (const ending of ['timeout', 'no-progress'] as const) {
      expect(endingVerdict(makeTest(), { main: withStepsDoubt({ ...main, ending }, failure) })?.doubt).toMatch(/held up 9800 ms/);
    }
  });

  it("gives the test's onStall as the hint of a stall", () => {
    const test = makeTest({ onStall: 'The tree holds a FIFO.' });
    const verdict = endingVerdict(test, { main: makeRun({ ending: 'no-progress' }) });
    expect(verdict?.hint).toBe('The tree holds a FIFO.');
  });
});

describe('applySplitChecks', () => {
  const split = (kind: SplitRun['plan']['kind'], label: string, exitCode: number): SplitRun => ({
    plan: { kind, label, pieces: [1], gapMs: 0 },
    runs: { main: makeRun({ exitCode }) },
    workTree: {},
  });

  it('reports the first split whose run fails a check, by name', () => {
    const test = makeTest({ checks: [{ check: 'exit' }] });
    const splits = [split('whole', 'whole', 0), split('bytewise', 'bytewise (one byte at a time)', 2)];
    const results = applySplitChecks(test, makeContext(), splits, (_test, context) => [
      { check: 'exit', passed: context.run.exitCode === 0, message: `status ${context.run.exitCode}` },
    ]);
    expect(results).toEqual([{ check: 'exit', passed: false, message: 'Under split bytewise (one byte at a time): status 2' }]);
  });

  it('reports a broken ending of any split alone', () => {
    const test = makeTest({ checks: [{ check: 'exit' }] });
    const results = applySplitChecks(test, makeContext(), [split('whole', 'whole', 0), split('random', 'random #1 (seed 3)', 0)], (_test, context) =>
      context.run === context.splits?.[1]?.runs.main
        ? [{ check: 'ending', passed: false, message: 'stopped' }]
        : [{ check: 'exit', passed: true, message: 'ok' }],
    );
    expect(results).toEqual([{ check: 'ending', passed: false, message: 'Under split random #1 (seed 3): stopped' }]);
  });
});

describe('a test decided early (one process failed its exit check, the others were stopped)', () => {
  const test = makeTest({
    processes: [
      { name: 'writer', args: [] },
      { name: 'late', args: [] },
    ],
    checks: [
      { check: 'exit', code: 0 },
      { check: 'exit', process: 'writer', code: 0 },
      { check: 'exit', process: 'late', code: 0 },
      { check: 'lines', expect: ['x'] },
    ],
  });
  const failure = 'the "writer" process exited with status 1 after 0.1 s';
  const writer = makeRun({ name: 'writer', exitCode: 1 });
  const main = makeRun({ ending: 'stopped-decided', exitCode: null, signal: 'SIGKILL', endingDetail: stoppedDetail(failure, true) });
  const late = makeRun({ name: 'late', ending: 'stopped-decided', exitCode: null, elapsedMs: 0, endingDetail: stoppedDetail(failure, false) });

  it('is no broken ending: the verdict is the exit check of the process that ended by itself', () => {
    expect(endingVerdict(test, { main, writer, late })).toBeUndefined();
    const decided = decidedChecks(test, { main, writer, late });
    expect(decided?.checks).toEqual([{ check: 'exit', process: 'writer', code: 0 }]);
    expect(decided?.note).toBe(
      ' The test could not pass after that, so the grader stopped your main program rather than wait for it and did not start the "late" process; fix this first.',
    );
  });

  it('still reports a process that broke by itself', () => {
    const timedOut = makeRun({ name: 'late', ending: 'timeout', exitCode: null, signal: 'SIGKILL', endingDetail: 'still running after 10000 ms' });
    expect(endingVerdict(test, { main, writer, late: timedOut })?.message).toMatch(/"late" process was still running after 10 s/);
  });

  it('judges every check as usual when nothing was stopped', () => {
    expect(decidedChecks(test, { main: makeRun(), writer, late: makeRun({ name: 'late' }) })).toBeUndefined();
  });
});
