import { describe, expect, it } from 'vitest';
import { exitCheck } from '../../grader/checks/exit.js';
import { makeContext, makeRun, makeTest } from './helpers.js';

describe('exit', () => {
  it('passes on status 0 by default', () => {
    expect(exitCheck.run({}, makeContext(makeRun({ exitCode: 0 }))).passed).toBe(true);
  });
  it('passes on the status asked for', () => {
    expect(exitCheck.run({ code: 1 }, makeContext(makeRun({ exitCode: 1 }))).passed).toBe(true);
    expect(exitCheck.run({ code: 127 }, makeContext(makeRun({ exitCode: 127 }))).passed).toBe(true);
  });
  it('fails on another status, quoting the error from stderr', () => {
    const run = makeRun({ exitCode: 1, stderr: 'file:///x/solution.js:3\nTypeError: x is not a function\n    at main\n' });
    const outcome = exitCheck.run({}, makeContext(run));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'Your program should exit with status 0, but it exited with status 1. It printed on stderr: `TypeError: x is not a function`.',
    );
    expect(outcome.hint).toContain('uncaught exception');
  });
  it('does not blame an exception when the program chose status 1 itself', () => {
    const run = makeRun({ exitCode: 1, stderr: 'time-today: not implemented yet\n' });
    const outcome = exitCheck.run({}, makeContext(run));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('not implemented yet');
    expect(outcome.hint ?? '').not.toContain('exception');
  });
  it('fails when a non-zero status was expected and it exited 0', () => {
    const outcome = exitCheck.run({ code: 2 }, makeContext(makeRun({ exitCode: 0 })));
    expect(outcome.message).toBe('Your program should exit with status 2, but it exited with status 0.');
    expect(outcome.hint).toContain('process.exitCode = 2');
  });
  it('fails when a signal ended the program', () => {
    const outcome = exitCheck.run({}, makeContext(makeRun({ exitCode: null, signal: 'SIGSEGV' })));
    expect(outcome).toMatchObject({ passed: false, message: 'Your program should exit with status 0, but it was killed by signal SIGSEGV.' });
  });
  it('does not blame the program for a signal the test itself sent', () => {
    const run = makeRun({ exitCode: null, signal: 'SIGTERM' });
    const test = makeTest({ steps: [{ expect: 'ready' }, { signal: 'SIGUSR1' }, { signal: 'SIGTERM' }] });
    const outcome = exitCheck.run({}, makeContext(run, { test }));
    expect(outcome.hint).toBe(
      "The test sent SIGTERM to your program (step 3) and it ended by it: handle the signal (process.on('SIGTERM', ...)) and do what the statement asks, then exit with status 0.",
    );
    // A signal the test sent elsewhere (to a child it named), or did not send: the old advice.
    const toChild = makeTest({ steps: [{ expect: 'child {pid:c}' }, { signal: 'SIGTERM', to: '{pid:c}' }] });
    expect(exitCheck.run({}, makeContext(run, { test: toChild })).hint).toContain('does not kill itself');
  });
  it('passes on the signal asked for, and fails on a plain exit then', () => {
    expect(exitCheck.run({ signal: 'SIGTERM' }, makeContext(makeRun({ exitCode: null, signal: 'SIGTERM' }))).passed).toBe(true);
    const outcome = exitCheck.run({ signal: 'SIGTERM' }, makeContext(makeRun({ exitCode: 0 })));
    expect(outcome).toMatchObject({ passed: false, message: 'Your program should be killed by signal SIGTERM, but it exited with status 0.' });
  });
  it('names a further process by its name', () => {
    const outcome = exitCheck.run({}, makeContext(makeRun({ name: 'writer', exitCode: 3 })));
    expect(outcome.message).toBe('Process `writer` should exit with status 0, but it exited with status 3.');
  });
});
