// KNOWN-BAD VARIANT `takes-out-of-order`: the consumer takes the newest item instead of the oldest.
// Otherwise identical to reference/sync-condition/; the spec must reject it (specs/sync-condition.yaml, mustReject).
// sync-condition — the slide's threading.Condition around a bounded buffer: one producer, one consumer.
// Mutex, condition variable and buffer all live in one SharedArrayBuffer.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const LOCK = 0; // mutex: 0 free, 1 held, 2 held with waiters
const SEQ = 1; // condition variable: bumped by every notify
const SIZE = 2; // items in the buffer
const HEAD = 3; // index of the oldest item
const ITEMS = 4; // the ring of `capacity` items starts here

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

class Condition {
  constructor(
    private readonly cells: Int32Array,
    private readonly at: number,
    private readonly mutex: Mutex,
  ) {}
  /** Called with the mutex held: releases it, sleeps until notified, takes it again. */
  wait(): void {
    const seq = Atomics.load(this.cells, this.at);
    this.mutex.unlock();
    Atomics.wait(this.cells, this.at, seq); // a notify after the load above makes this return at once
    this.mutex.lock();
  }
  notifyAll(): void {
    Atomics.add(this.cells, this.at, 1);
    Atomics.notify(this.cells, this.at);
  }
}

interface Job {
  role: 'producer' | 'consumer';
  shared: SharedArrayBuffer;
  capacity: number;
  items: number;
}

if (isMainThread) {
  const { values } = parseArgs({
    options: { capacity: { type: 'string', default: '2' }, items: { type: 'string', default: '10' } },
  });
  const capacity = Number(values.capacity);
  const shared = new SharedArrayBuffer((ITEMS + capacity) * Int32Array.BYTES_PER_ELEMENT);
  const start = (role: Job['role']): Worker =>
    new Worker(new URL(import.meta.url), { workerData: { role, shared, capacity, items: Number(values.items) } satisfies Job });
  const threads = [start('producer'), start('consumer')];
  await Promise.all(threads.map((t) => once(t, 'exit')));
} else {
  const { role, shared, capacity, items } = workerData as Job;
  const cells = new Int32Array(shared);
  const mutex = new Mutex(cells, LOCK);
  const changed = new Condition(cells, SEQ, mutex);
  for (let i = 0; i < items; i++) {
    mutex.lock();
    if (role === 'producer') {
      while (cells[SIZE] === capacity) changed.wait(); // full: wait for a take
      cells[ITEMS + ((cells[HEAD]! + cells[SIZE]!) % capacity)] = i;
      cells[SIZE]! += 1;
      writeSync(1, `put ${i} size=${cells[SIZE]}\n`);
    } else {
      while (cells[SIZE] === 0) changed.wait(); // empty: wait for a put
      const item = cells[ITEMS + ((cells[HEAD]! + cells[SIZE]! - 1) % capacity)]!; // BUG: the newest, not the oldest
      cells[SIZE]! -= 1;
      writeSync(1, `take ${item} size=${cells[SIZE]}\n`);
    }
    changed.notifyAll();
    mutex.unlock();
  }
}
