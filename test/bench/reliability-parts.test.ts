import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startBurners } from '../../grader/bench/burners.js';
import { RecordingPool } from '../../grader/bench/recording-pool.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the recording pool', () => {
  it('shows exclusive tasks running alone and never more than the limit at once', async () => {
    const pool = new RecordingPool(2);
    const task = () => sleep(15);
    await Promise.all([pool.run(task), pool.run(task), pool.run(task), pool.run(task, true), pool.run(task), pool.run(task, true), pool.run(task)]);
    expect(pool.check()).toMatchObject({ tasks: 7, exclusiveTasks: 2, mostAtOnce: 2, exclusiveOverlaps: 0 });
  });

  it('counts an exclusive task that overlapped another', () => {
    const pool = new RecordingPool(2);
    pool.intervals.push({ start: 0, end: 10, exclusive: true }, { start: 5, end: 20, exclusive: false }, { start: 20, end: 30, exclusive: true });
    expect(pool.check()).toMatchObject({ mostAtOnce: 2, exclusiveOverlaps: 1 });
  });

  it('counts a one-core task beside a whole-machine one, not beside an ordinary one', () => {
    const pool = new RecordingPool(2);
    pool.intervals.push({ start: 0, end: 10, exclusive: 'one-core' }, { start: 5, end: 20, exclusive: false }, { start: 15, end: 30, exclusive: 'one-core' });
    expect(pool.check()).toMatchObject({ exclusiveTasks: 2, exclusiveOverlaps: 0 });
    pool.intervals.push({ start: 25, end: 40, exclusive: true });
    expect(pool.check()).toMatchObject({ exclusiveTasks: 3, exclusiveOverlaps: 2 });
  });

  it('adds up the places left free while a task waited', () => {
    const pool = new RecordingPool(2);
    // The whole-machine task waits 10 ms for the first, one place free; then the third waits 10 ms beside it.
    pool.intervals.push(
      { queued: 0, start: 0, end: 10, exclusive: false },
      { queued: 0, start: 10, end: 20, exclusive: true },
      { queued: 10, start: 20, end: 30, exclusive: false },
    );
    expect(pool.check().idlePlaceMs).toBe(10 + 10);
  });
});

describe('the CPU burners', () => {
  it('burn until stopped, then are gone', async () => {
    const burners = startBurners(1, 10_000);
    try {
      await sleep(300);
      const pids = (await import('node:child_process')).execFileSync('pgrep', ['-P', String(process.pid), '-f', 'Date.now'], { encoding: 'utf8' });
      const pid = Number(pids.trim().split('\n')[0]);
      expect(alive(pid)).toBe(true);
      burners.stop();
      await sleep(200);
      expect(alive(pid)).toBe(false);
    } finally {
      burners.stop();
    }
  });

  it('end by themselves at their deadline', async () => {
    const burners = startBurners(1, 200);
    try {
      const { spawnSync } = await import('node:child_process');
      const running = () => spawnSync('pgrep', ['-P', String(process.pid), '-f', 'Date.now']).status === 0;
      // Node's start-up on a loaded machine takes its time: poll, without ever stopping it here.
      const deadline = Date.now() + 20_000;
      while (running() && Date.now() < deadline) await sleep(100);
      expect(running()).toBe(false);
    } finally {
      burners.stop();
    }
  });
});
