import { describe, expect, it } from 'vitest';
import { numberCheck, type NumberConfig } from '../../grader/checks/number.js';
import type { CheckOutcome } from '../../grader/checks/types.js';
import { makeContext, makeRun } from './helpers.js';

const SECONDS = { pattern: 'Seconds: (\\d+) Microseconds: (\\d+)', scale: [1, 0.000001] };

function check(config: NumberConfig, stdout: string, elapsedMs = 300): CheckOutcome {
  return numberCheck.run(config, makeContext(makeRun({ stdout, elapsedMs })));
}

describe('number', () => {
  it('sums the groups weighted by scale', () => {
    const outcome = check({ ...SECONDS, min: 0.25, atMostElapsed: true }, 'Sleeping 0.25 seconds...\nSeconds: 0 Microseconds: 250431\n');
    expect(outcome).toMatchObject({ passed: true, message: 'The number in `Seconds: 0 Microseconds: 250431`, 0.250431, is within bounds.' });
  });
  it('does not fail a bound on float rounding (250000 × 0.000001 is not exactly 0.25)', () => {
    expect(check({ ...SECONDS, min: 0.25, max: 0.25 }, 'Seconds: 0 Microseconds: 250000').passed).toBe(true);
  });
  it('fails below min, recognising microseconds that are really milliseconds', () => {
    const outcome = check({ ...SECONDS, min: 0.25 }, 'Seconds: 0 Microseconds: 250');
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'The number in `Seconds: 0 Microseconds: 250` reads as 0.00025, but it should be at least 0.25: the microseconds look like milliseconds: a second has 1000000 microseconds, so multiply milliseconds by 1000.',
    );
  });
  it('points out microseconds above 999999', () => {
    const outcome = check({ ...SECONDS, max: 1 }, 'Seconds: 1 Microseconds: 1250000');
    expect(outcome.message).toContain('reads as 2.25, but it should be at most 1: the microseconds part (1250000) is more than 999999');
  });
  it('fails a time longer than the run really took (atMostElapsed)', () => {
    const outcome = check({ ...SECONDS, atMostElapsed: true }, 'Seconds: 2 Microseconds: 0', 50);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'The number in `Seconds: 2 Microseconds: 0` reads as 2, but it should be no more than the 0.05 seconds your program really ran: print the time you measured, not the time you asked for, and make sure the program really waits.',
    );
  });
  it('allows a little slack over the measured time', () => {
    expect(check({ pattern: 'took (\\d+\\.\\d+)', atMostElapsed: true }, 'took 0.310', 300).passed).toBe(true);
    expect(check({ pattern: 'took (\\d+\\.\\d+)', atMostElapsed: true }, 'took 0.330', 300).passed).toBe(false);
  });
  it('checks equals with a tolerance', () => {
    expect(check({ pattern: '^(\\d+)$', flags: 'm', equals: 200 }, 'x\n200\n').passed).toBe(true);
    expect(check({ pattern: '(\\d+)', equals: 200 }, '199').message).toBe('The number in `199` reads as 199, but it should be 200.');
    expect(check({ pattern: '(\\d+)', equals: 200, tolerance: 1 }, '199').passed).toBe(true);
    expect(check({ pattern: '(\\d+)', equals: 200, tolerance: 0.5 }, '199').message).toContain('it should be 200 ± 0.5');
  });
  it('uses the whole match when the pattern has no groups, and reads big and negative numbers', () => {
    expect(check({ pattern: '-?\\d+', equals: -3 }, 'value -3').passed).toBe(true);
    expect(check({ pattern: '(\\d+)', equals: 4294967296 }, '4294967296').passed).toBe(true);
  });
  it('counts an optional group that did not take part as 0', () => {
    expect(check({ pattern: '(\\d+)(?: and (\\d+))?', scale: [1, 10], equals: 5 }, '5').passed).toBe(true);
  });
  it('fails when nothing matches, or nothing was printed', () => {
    expect(check({ ...SECONDS, min: 0 }, 'Seconds: 0.25').message).toBe(
      'Nothing in stdout matches /Seconds: (\\d+) Microseconds: (\\d+)/, so no number could be read; it begins with `Seconds: 0.25`.',
    );
    expect(check({ ...SECONDS, min: 0 }, '').message).toBe(
      'Your program printed nothing on stdout. It should print a number matching /Seconds: (\\d+) Microseconds: (\\d+)/.',
    );
  });
  it('fails when a group is not a number', () => {
    expect(check({ pattern: 'count: (\\S+)', min: 0 }, 'count: 1.2.3').message).toBe('In `count: 1.2.3`, `1.2.3` is not a number.');
  });
  it('throws a spec error when scale and groups disagree', () => {
    expect(() => check({ pattern: '(\\d+)', scale: [1, 2] }, '5')).toThrow(/scale has 2 weights but the pattern has 1 capture group/);
  });
});
