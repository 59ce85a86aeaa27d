import { describe, expect, it } from 'vitest';
import { traceCheck, type TraceConfig } from '../../grader/checks/trace.js';
import { makeContext, printing } from './helpers.js';

const run = (config: TraceConfig, lines: string[]) => traceCheck.run(config, makeContext(printing(lines)));

const semaphore: TraceConfig = {
  events: { enter: { line: 'enter {int:id}', delta: 1 }, leave: { line: 'leave {int:id}', delta: -1 } },
  pairs: { open: 'enter', close: 'leave', key: 'id', keys: [0, 2] },
  max: 2,
  reach: 2,
  name: 'number of workers inside',
};

describe('trace', () => {
  it('passes when the counter stays within bounds and reaches the limit', () => {
    expect(run(semaphore, ['enter 0', 'enter 1', 'leave 0', 'enter 2', 'leave 1', 'leave 2']).passed).toBe(true);
  });

  it('names the line after which the counter went above the limit', () => {
    expect(run(semaphore, ['enter 0', 'enter 1', 'enter 2', 'leave 0', 'leave 1', 'leave 2']).message).toBe(
      'After line 3 `enter 2` the number of workers inside is 3, above the limit 2.',
    );
  });

  it('says when the limit was never reached', () => {
    expect(run(semaphore, ['enter 0', 'leave 0', 'enter 1', 'leave 1', 'enter 2', 'leave 2']).message).toBe(
      'The number of workers inside never reached 2 (at most 1).',
    );
  });

  it('checks the pairs: a close before its open, twice, never', () => {
    expect(run(semaphore, ['leave 0', 'enter 0'])).toMatchObject({
      passed: false,
      message: expect.stringContaining('comes before any line like `enter <int>` for id 0'),
    });
    expect(run(semaphore, ['enter 0', 'enter 0']).message).toContain('is the second line like `enter <int>` for id 0');
    expect(run(semaphore, ['enter 0', 'leave 0', 'enter 1', 'leave 1']).message).toBe('No line like `enter <int>` has id 2; id 0..2 should each have one.');
    expect(run(semaphore, ['enter 0', 'leave 0', 'enter 7']).message).toContain('id 7 is outside 0..2');
  });

  it('compares a printed value with the counter', () => {
    const buffer: TraceConfig = {
      events: { put: { line: 'put {int:item} size={int:size}', delta: 1 }, take: { line: 'take {int:item} size={int:size}', delta: -1 } },
      reported: 'size',
      min: 0,
      max: 2,
      name: 'buffer size',
    };
    expect(run(buffer, ['put 0 size=1', 'put 1 size=2', 'take 0 size=1', 'take 1 size=0']).passed).toBe(true);
    expect(run(buffer, ['put 0 size=1', 'take 0 size=1']).message).toBe(
      'Line 2 `take 0 size=1`: the printed size is `1`, but counting the lines up to this one the buffer size is 0.',
    );
    expect(run({ ...buffer, reported: undefined }, ['take 0 size=0']).message).toBe('After line 1 `take 0 size=0` the buffer size is -1, below 0.');
  });

  it('fails a line that is no event', () => {
    expect(run(semaphore, ['enter 0', 'hello']).message).toContain('Line 2 `hello` matches none of the expected forms');
  });
});
