// A multi-process test is decided when one process ends as an exit check rejects (grader/run/decided.ts).
import { describe, expect, it } from 'vitest';
import { decisiveFailure, exitChecksOf, neverStarted, stoppedDetail } from '../../grader/run/decided.js';
import { makeRun, makeTest } from '../checks/helpers.js';

const withExitChecks = makeTest({
  processes: [{ name: 'writer', args: [] }],
  checks: [
    { check: 'exit', code: 0 },
    { check: 'exit', process: 'writer', code: 0 },
    { check: 'lines', expect: ['x'] },
  ],
});

describe('decisiveFailure', () => {
  it('names a process whose exit status an exit check of the test rejects', () => {
    const writer = makeRun({ name: 'writer', exitCode: 1, elapsedMs: 140 });
    expect(decisiveFailure(withExitChecks, writer)).toBe('the "writer" process exited with status 1 after 0.14 s');
    const main = makeRun({ exitCode: null, signal: 'SIGSEGV', elapsedMs: 2000 });
    expect(decisiveFailure(withExitChecks, main)).toBe('your main program was killed by SIGSEGV after 2 s');
  });

  it('decides nothing for an ending the checks accept, or for a process no exit check reads', () => {
    expect(decisiveFailure(withExitChecks, makeRun({ name: 'writer', exitCode: 0 }))).toBeUndefined();
    expect(decisiveFailure(withExitChecks, makeRun({ name: 'other', exitCode: 1 }))).toBeUndefined();
    expect(decisiveFailure(makeTest({ checks: [{ check: 'lines', expect: [] }] }), makeRun({ exitCode: 1 }))).toBeUndefined();
  });

  it('honours the expected status or signal of the check', () => {
    const expectsTwo = makeTest({ checks: [{ check: 'exit', code: 2 }] });
    expect(decisiveFailure(expectsTwo, makeRun({ exitCode: 2 }))).toBeUndefined();
    expect(decisiveFailure(expectsTwo, makeRun({ exitCode: 0 }))).toMatch(/exited with status 0/);
    const expectsTerm = makeTest({ checks: [{ check: 'exit', signal: 'SIGTERM' }] });
    expect(decisiveFailure(expectsTerm, makeRun({ exitCode: null, signal: 'SIGTERM' }))).toBeUndefined();
    expect(decisiveFailure(expectsTerm, makeRun({ exitCode: 0 }))).toMatch(/exited with status 0/);
  });

  it('decides nothing for a process that did not end by itself, or whose ending the grader doubts', () => {
    expect(decisiveFailure(withExitChecks, makeRun({ name: 'writer', ending: 'timeout', exitCode: null, signal: 'SIGKILL' }))).toBeUndefined();
    expect(decisiveFailure(withExitChecks, makeRun({ name: 'writer', exitCode: 1, endingDoubt: 'the machine was too busy' }))).toBeUndefined();
  });
});

describe('the stopped processes', () => {
  it('reads the exit checks of one process (main when a check names none)', () => {
    expect(exitChecksOf(withExitChecks.checks, 'main')).toEqual([{ check: 'exit', code: 0 }]);
    expect(exitChecksOf(withExitChecks.checks, 'writer')).toEqual([{ check: 'exit', process: 'writer', code: 0 }]);
  });

  it('tells a peer that was never started from one that was stopped', () => {
    const failure = 'the "writer" process exited with status 1 after 0.1 s';
    const stopped = makeRun({ name: 'reader', ending: 'stopped-decided', endingDetail: stoppedDetail(failure, true) });
    const unstarted = makeRun({ name: 'reader', ending: 'stopped-decided', endingDetail: stoppedDetail(failure, false) });
    expect(stopped.endingDetail).toBe(
      'The grader stopped it once the "writer" process exited with status 1 after 0.1 s: that decides the test, whatever the other processes do',
    );
    expect(neverStarted(stopped)).toBe(false);
    expect(neverStarted(unstarted)).toBe(true);
    expect(neverStarted(makeRun({ endingDetail: stoppedDetail(failure, false) }))).toBe(false);
  });
});
