// KNOWN-BAD VARIANT `no-threads`: no worker threads: the main thread prints every line itself.
// Otherwise identical to reference/thread-class/; the spec must reject it (specs/thread-class.yaml, mustReject).
// thread-class — the slide's Mythread(threading.Thread) with a shared stdout mutex.
// A thread is a worker_threads Worker running this same file; the mutex lives in shared memory.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

/** A lock in one Int32 cell: 0 free, 1 held, 2 held with waiters. Blocks in Atomics.wait, never spins. */
class Mutex {
  private readonly cell: Int32Array;
  constructor(shared: SharedArrayBuffer) {
    this.cell = new Int32Array(shared);
  }
  lock(): void {
    let c = Atomics.compareExchange(this.cell, 0, 0, 1);
    if (c === 0) return;
    if (c !== 2) c = Atomics.exchange(this.cell, 0, 2);
    while (c !== 0) {
      Atomics.wait(this.cell, 0, 2);
      c = Atomics.exchange(this.cell, 0, 2);
    }
  }
  unlock(): void {
    if (Atomics.exchange(this.cell, 0, 0) === 2) Atomics.notify(this.cell, 0, 1);
  }
}

interface ThreadData {
  id: number;
  count: number;
  mutex: SharedArrayBuffer;
}

/** The slide's Thread subclass: constructing it starts the thread. */
class MyThread extends Worker {
  constructor(id: number, count: number, mutex: SharedArrayBuffer) {
    super(new URL(import.meta.url), { workerData: { id, count, mutex } satisfies ThreadData });
  }
}

/** What the slide's run() does, executed inside the worker. */
function run({ id, count, mutex }: ThreadData): void {
  const stdoutMutex = new Mutex(mutex);
  for (let i = 0; i < count; i++) {
    stdoutMutex.lock();
    try {
      // Synchronous write to fd 1: the line is out before the mutex is released.
      writeSync(1, `[${id}] => ${i}\n`);
    } finally {
      stdoutMutex.unlock();
    }
  }
}

if (isMainThread) {
  const { values } = parseArgs({
    options: { threads: { type: 'string', default: '10' }, count: { type: 'string', default: '10' } },
  });
  const stdoutMutex = new SharedArrayBuffer(4);
  const threads: MyThread[] = [];
  for (let id = 0; id < Number(values.threads); id++) run({ id, count: Number(values.count), mutex: stdoutMutex }); // BUG: no threads
  await Promise.all(threads.map((t) => once(t, 'exit'))); // join, without blocking the event loop
  writeSync(1, 'Main thread exiting.\n');
} else {
  run(workerData as ThreadData);
}
