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
});
