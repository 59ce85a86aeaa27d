import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TaskPool } from '../../grader/grade/pool.js';

describe('the task pool', () => {
  it('never runs more than its limit at once, and runs them all', async () => {
    const pool = new TaskPool(2);
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        pool.run(async () => {
          running++;
          most = Math.max(most, running);
          await sleep(5);
          running--;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
  });

  it('runs an exclusive task alone', async () => {
    const pool = new TaskPool(3);
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      log.push(`${name} starts with ${running} running`);
      await sleep(5);
      running--;
    };
    await Promise.all([pool.run(task('a')), pool.run(task('b')), pool.run(task('x'), true), pool.run(task('c'))]);
    expect(log).toContain('x starts with 1 running');
    expect(log.indexOf('x starts with 1 running')).toBeLessThan(log.findIndex((l) => l.startsWith('c')));
  });

  it('runs a one-core task beside an ordinary one, never beside a whole-machine one', async () => {
    const pool = new TaskPool(2);
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      log.push(`${name} starts with ${running} running`);
      await sleep(10);
      running--;
    };
    await Promise.all([
      pool.run(task('a')),
      pool.run(task('one'), 'one-core'),
      pool.run(task('whole'), true),
      pool.run(task('two'), 'one-core'),
      pool.run(task('b')),
    ]);
    expect(log.slice(0, 2)).toEqual(['a starts with 1 running', 'one starts with 2 running']);
    expect(log[2]).toBe('whole starts with 1 running');
    expect(log.slice(3)).toEqual(['two starts with 1 running', 'b starts with 2 running']);
  });

  it('passes a failure through and goes on', async () => {
    const pool = new TaskPool(1);
    await expect(pool.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pool.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
