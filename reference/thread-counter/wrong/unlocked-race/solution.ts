// KNOWN-BAD VARIANT `unlocked-race`: the slide's first version: count = count + 1 on shared memory without the lock.
// Otherwise identical to reference/thread-counter/; the spec must reject it (specs/thread-counter.yaml, mustReject).
// thread-counter — the slide's 100 threads adding to one global count, made correct with a lock.
// The count lives in shared memory (a SharedArrayBuffer) that every worker sees.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const LOCK = 0; // cell of the lock: 0 free, 1 held, 2 held with waiters
const COUNT = 1; // cell of the counter

/** A lock in one Int32 cell. Blocks in Atomics.wait, never spins. */
class Mutex {
  constructor(
    private readonly cells: Int32Array,
    private readonly at: number,
  ) {}
  lock(): void {
    let c = Atomics.compareExchange(this.cells, this.at, 0, 1);
    if (c === 0) return;
    if (c !== 2) c = Atomics.exchange(this.cells, this.at, 2);
    while (c !== 0) {
      Atomics.wait(this.cells, this.at, 2);
      c = Atomics.exchange(this.cells, this.at, 2);
    }
  }
  unlock(): void {
    if (Atomics.exchange(this.cells, this.at, 0) === 2) Atomics.notify(this.cells, this.at, 1);
  }
}

interface Job {
  shared: SharedArrayBuffer;
  rounds: number;
  delayMs: number;
}

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      threads: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '1' },
      'delay-ms': { type: 'string', default: '500' },
    },
  });
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const job: Job = { shared, rounds: Number(values.rounds), delayMs: Number(values['delay-ms']) };
  const threads: Worker[] = [];
  for (let i = 0; i < Number(values.threads); i++) threads.push(new Worker(new URL(import.meta.url), { workerData: job }));
  await Promise.all(threads.map((t) => once(t, 'exit'))); // join them all
  writeSync(1, `${Atomics.load(new Int32Array(shared), COUNT)}\n`);
} else {
  const { shared, rounds, delayMs } = workerData as Job;
  const cells = new Int32Array(shared);
  const addLock = new Mutex(cells, LOCK);
  const pause = new Int32Array(new SharedArrayBuffer(4)); // nobody notifies it: waiting on it is a sleep
  const add = (): void => {
    void addLock;
    cells[COUNT] = cells[COUNT]! + 1; // BUG: read-then-write with no lock: updates of other threads get lost
  };
  for (let r = 0; r < rounds; r++) {
    add();
    if (delayMs > 0) Atomics.wait(pause, 0, 0, delayMs); // time.sleep: blocks this thread only
    add();
  }
}
