// KNOWN-BAD VARIANT `lifo-queue`: takes the newest message instead of the oldest (a stack, not a FIFO queue).
// Otherwise identical to reference/producer-consumer/; the spec must reject it (specs/producer-consumer.yaml, mustReject).
// producer-consumer — the slide's queue.Queue with producer and consumer threads.
// The queue lives in shared memory; consumers block in Atomics.wait until there is something to take.
// Unlike the slide's daemon consumers, ours end only when every message has been taken.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

/** A lock in one Int32 cell: 0 free, 1 held, 2 held with waiters. Blocks in Atomics.wait, never spins. */
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

const SLOT = 64; // bytes per message
const LOCK = 0; // header cells
const HEAD = 1; // next slot to take
const TAIL = 2; // next slot to fill
const CHANGES = 3; // bumped on every change; consumers wait on it

/**
 * A FIFO queue of short strings in a SharedArrayBuffer, sized for every message of the run
 * (Python's Queue() is unbounded, so producers never wait). get() returns undefined once all
 * `capacity` messages have been taken.
 */
class SharedQueue {
  private readonly header: Int32Array;
  private readonly lengths: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly mutex: Mutex;
  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly capacity: number,
  ) {
    this.header = new Int32Array(buffer, 0, 4);
    this.lengths = new Int32Array(buffer, 16, capacity);
    this.bytes = new Uint8Array(buffer, 16 + 4 * capacity, SLOT * capacity);
    this.mutex = new Mutex(this.header, LOCK);
  }
  static create(capacity: number): SharedQueue {
    return new SharedQueue(new SharedArrayBuffer(16 + (4 + SLOT) * capacity), capacity);
  }
  put(message: string): void {
    const data = Buffer.from(message);
    if (data.length > SLOT) throw new RangeError(`message longer than ${SLOT} bytes`);
    this.mutex.lock();
    const tail = this.header[TAIL]!;
    if (tail === this.capacity) throw new RangeError('queue full');
    this.bytes.set(data, tail * SLOT);
    this.lengths[tail] = data.length;
    this.header[TAIL] = tail + 1;
    Atomics.add(this.header, CHANGES, 1);
    this.mutex.unlock();
    Atomics.notify(this.header, CHANGES, 1); // wake one waiting consumer
  }
  get(): string | undefined {
    for (;;) {
      this.mutex.lock();
      const head = this.header[HEAD]!; // here: how many messages were taken so far
      if (this.header[TAIL]! > 0) {
        const newest = this.header[TAIL]! - 1; // BUG: pops the newest message, like a stack
        const message = Buffer.from(this.bytes.slice(newest * SLOT, newest * SLOT + this.lengths[newest]!)).toString();
        this.header[TAIL] = newest;
        this.header[HEAD] = head + 1;
        Atomics.add(this.header, CHANGES, 1);
        this.mutex.unlock();
        // The last message is gone: wake every consumer still waiting, so that they can end.
        if (head + 1 === this.capacity) Atomics.notify(this.header, CHANGES);
        return message;
      }
      const changes = Atomics.load(this.header, CHANGES);
      this.mutex.unlock();
      if (head === this.capacity) return undefined;
      Atomics.wait(this.header, CHANGES, changes); // returns at once if anything changed meanwhile
    }
  }
}

interface Job {
  role: 'producer' | 'consumer';
  id: number;
  queue: SharedArrayBuffer;
  capacity: number;
  messages: number;
  delayMs: number;
}

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      producers: { type: 'string', default: '2' },
      consumers: { type: 'string', default: '2' },
      messages: { type: 'string', default: '4' },
      'delay-ms': { type: 'string', default: '1000' },
    },
  });
  const producers = Number(values.producers);
  const messages = Number(values.messages);
  const capacity = producers * messages;
  const queue = SharedQueue.create(capacity);
  const common = { queue: queue.buffer, capacity, messages, delayMs: Number(values['delay-ms']) };
  const start = (role: Job['role'], id: number): Worker =>
    new Worker(new URL(import.meta.url), { workerData: { ...common, role, id } satisfies Job });
  const threads: Worker[] = [];
  for (let n = 0; n < Number(values.consumers); n++) threads.push(start('consumer', n));
  for (let id = 0; id < producers; id++) threads.push(start('producer', id));
  // Join consumers too (the slide's daemons were not joined, and lost the last message).
  await Promise.all(threads.map((t) => once(t, 'exit')));
} else {
  const { role, id, queue: buffer, capacity, messages, delayMs } = workerData as Job;
  const queue = new SharedQueue(buffer, capacity);
  if (role === 'producer') {
    const pause = new Int32Array(new SharedArrayBuffer(4)); // waiting on it is a sleep
    for (let count = 0; count < messages; count++) {
      if (id * delayMs > 0) Atomics.wait(pause, 0, 0, id * delayMs);
      queue.put(`[producer id=${id}, count=${count}]`);
    }
  } else {
    for (let message = queue.get(); message !== undefined; message = queue.get()) {
      writeSync(1, `consumer ${id} got => ${message}\n`);
    }
  }
}
