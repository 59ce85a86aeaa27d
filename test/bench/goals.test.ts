import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cheapFailure, goalLine, totalSeconds } from '../../grader/bench/goals.js';
import { asWholeMachine } from '../../grader/bench/packing.js';
import { loadSpecs } from '../../grader/grade/grade.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('the speed goals benchmark', () => {
  it("reads the grader's own time from its console's Total line", () => {
    expect(totalSeconds('time-elapsed ...\n\nTotal: 9/9 points; 1 of 1 exercises passed (2.8 s)\n')).toBe(2.8);
    expect(totalSeconds('Total: 0/9 points; 0 of 1 exercises passed (12 s)')).toBe(12);
    expect(totalSeconds('crashed before the end')).toBeUndefined();
  });

  it('picks a known-bad variant that a cheap test rejects, and none where only costly tests do', async () => {
    // time-elapsed: only prints-requested-time is rejected by a cheap test (the others by its one-core timing test).
    expect(await cheapFailure(root, 'time-elapsed')).toBe('prints-requested-time');
    // thread-counter: no-join by the quick two-thread test (backed by the slide's 100 threads,
    // costly); no-threads by the slide only, the racy ones by the amplified test.
    expect(await cheapFailure(root, 'thread-counter')).toBe('no-join');
    expect(await cheapFailure(root, 'no-such-exercise').catch(() => 'threw')).toBe('threw');
  });

  it('prints each tree against the goal', () => {
    const row = {
      goal: 'exercise' as const,
      what: 'env-list',
      load: 3.2,
      byTree: [[{ totalMs: 4000, wallMs: 4500, ok: true }], [{ totalMs: 700, wallMs: 1100, ok: true }]],
    };
    const line = goalLine(row, [
      { label: 'old', root: '/a' },
      { label: 'this', root: '/b' },
    ]);
    expect(line).toContain('old: 4.0 s (wall 4.5 s) over');
    expect(line).toContain('this: 0.7 s (wall 1.1 s) met');
  });
});

describe('the packing benchmark', () => {
  it('makes one-core tests whole-machine for the "before" grading, and nothing else', async () => {
    const [spec] = await loadSpecs(root, ['time-elapsed']);
    const before = asWholeMachine([spec!])[0]!;
    const claims = (s: typeof spec) => s!.tests.map((t) => t.exclusive);
    expect(claims(spec)).toContain('one-core');
    expect(claims(before)).not.toContain('one-core');
    expect(claims(before)).toEqual(claims(spec).map((c) => (c === 'one-core' ? true : c)));
  });
});
