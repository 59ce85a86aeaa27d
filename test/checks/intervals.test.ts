import { describe, expect, it } from 'vitest';
import { intervalsCheck } from '../../grader/checks/intervals.js';
import { makeContext, printing } from './helpers.js';

const stamped = (seconds: number[]) => makeContext(printing(seconds.map((s, i) => `message ${i} at ${s.toFixed(6)}`)));
const config = { pattern: ' at (\\d+\\.\\d+)$', minGapsMs: [0, 40, 80, 0], slackMs: 15 };

describe('intervals', () => {
  it('passes when the gaps are at least the pauses, less the slack', () => {
    expect(intervalsCheck.run(config, stamped([100, 100.03, 100.2, 100.2])).passed).toBe(true);
  });

  it('fails when stamps are too close, naming the pause', () => {
    const outcome = intervalsCheck.run(config, stamped([100, 100, 100, 100]));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'Message 2 (`message 1 at 100.000000`) is stamped 0.0 ms after message 1, but the sender slept 40 ms before sending it: take the time when each message arrives, not when everything has been read.',
    );
  });

  it('fails when too few lines carry a timestamp', () => {
    expect(intervalsCheck.run(config, stamped([100])).message).toBe('4 lines of stdout should carry a timestamp, but only 1 does.');
    expect(intervalsCheck.run(config, makeContext(printing(['no time']))).message).toBe('4 lines of stdout should carry a timestamp, but none does.');
  });

  it('with span, tolerates one late stamp that shortens the next gap, and still fails stamps taken together', () => {
    const span = { ...config, span: true, slackMs: 30 };
    // The first stamp is 35 ms late: gap 2 is 5 ms (fails per gap), the span is 165 of 120 ms.
    const lateFirst = stamped([100.035, 100.04, 100.2, 100.2]);
    expect(intervalsCheck.run(config, lateFirst).passed).toBe(false);
    expect(intervalsCheck.run(span, lateFirst).passed).toBe(true);
    const together = intervalsCheck.run(span, stamped([100, 100.001, 100.002, 100.002]));
    expect(together.passed).toBe(false);
    expect(together.message).toBe(
      'The 4 timestamps span only 2.0 ms from the first to the last, but the sender slept 120 ms in all between them: take the time when each message arrives, not when everything has been read.',
    );
  });
});
