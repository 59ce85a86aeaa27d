import { describe, expect, it } from 'vitest';
import { elapsedCheck } from '../../grader/checks/elapsed.js';
import { makeContext, makeRun } from './helpers.js';

describe('elapsed', () => {
  it('passes within bounds', () => {
    expect(elapsedCheck.run({ minMs: 250, maxMs: 1000 }, makeContext(makeRun({ elapsedMs: 300 })))).toMatchObject({
      passed: true,
      message: 'Your program took 300 ms, within bounds.',
    });
  });
  it('fails when too fast', () => {
    const outcome = elapsedCheck.run({ minMs: 250 }, makeContext(makeRun({ elapsedMs: 40 })));
    expect(outcome).toMatchObject({ passed: false, message: 'Your program took 40 ms, but should take at least 250 ms.' });
    expect(outcome.hint).toContain('really waits');
  });
  it('fails when too slow', () => {
    const outcome = elapsedCheck.run({ maxMs: 2000 }, makeContext(makeRun({ elapsedMs: 5_234 })));
    expect(outcome).toMatchObject({ passed: false, message: 'Your program took 5.23 s, but should finish within 2 s.' });
    expect(outcome.hint).toContain('parallel');
  });
  it('measures descendants too with of: total', () => {
    const run = makeRun({ elapsedMs: 50, totalMs: 5_000 });
    expect(elapsedCheck.run({ maxMs: 1000 }, makeContext(run)).passed).toBe(true);
    const outcome = elapsedCheck.run({ maxMs: 1000, of: 'total' }, makeContext(run));
    expect(outcome).toMatchObject({ passed: false, message: 'Your program and the processes it started took 5 s, but should finish within 1 s.' });
  });
});
