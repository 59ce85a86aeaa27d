import { describe, expect, it } from 'vitest';
import { perTestTable, type TestCost } from '../../grader/bench/per-test.js';

const cost = (slug: string, test: string, cpuMs: number, wallMs: number, more: Partial<TestCost> = {}): TestCost => ({
  slug,
  test,
  trials: 1,
  exclusive: false,
  costly: false,
  passed: true,
  cpuMs,
  wallMs,
  ...more,
});

describe('the per-test cost table', () => {
  it('lists each test with its CPU, wall time and kind, then each exercise by CPU and the total', () => {
    const lines = perTestTable({
      cpuSource: 'cgroup',
      tests: [
        cost('thread-counter', 'amplified', 4_000, 2_500, { trials: 5, exclusive: true, costly: true }),
        cost('env-list', 'prints TMPDIR', 120, 400, { passed: false }),
        cost('thread-counter', 'the slide', 300, 900),
      ],
    });
    expect(lines[0]).toContain('cgroup');
    expect(lines[2]).toBe('    4.00 s   2.50 s  costly x5 excl  thread-counter: amplified');
    expect(lines[3]).toBe('    0.12 s   0.40 s  cheap           env-list: prints TMPDIR   (did NOT pass)');
    const perExercise = lines.slice(lines.indexOf('Per exercise (sums of its tests, one at a time):') + 1);
    expect(perExercise).toEqual(['    4.30 s   3.40 s  thread-counter', '    0.12 s   0.40 s  env-list', '    4.42 s   3.80 s  all 3 tests']);
  });

  it('says when the CPU time is an undercount', () => {
    expect(perTestTable({ cpuSource: 'reaped', tests: [] })[0]).toContain('an undercount');
  });
});
