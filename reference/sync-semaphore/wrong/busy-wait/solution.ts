// sync-semaphore — the slide's threading.Semaphore(K): at most K workers inside at a time.
// The semaphore is one shared Int32 cell holding the free places; a worker with none waits in Atomics.wait.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

class Semaphore {
  private readonly cell: Int32Array;
  constructor(shared: SharedArrayBuffer) {
    this.cell = new Int32Array(shared);
  }
  static create(places: number): SharedArrayBuffer {
    const shared = new SharedArrayBuffer(4);
    new Int32Array(shared)[0] = places;
    return shared;
  }
  acquire(): void {
    for (;;) {
      const free = Atomics.load(this.cell, 0);
      if (free > 0) {
        if (Atomics.compareExchange(this.cell, 0, free, free - 1) === free) return;
      } else {
        // BUG: spins until a place is free, keeping a core busy (no Atomics.wait)
      }
    }
  }
  release(): void {
    Atomics.add(this.cell, 0, 1);
    Atomics.notify(this.cell, 0, 1);
  }
}

interface Job {
  id: number;
  semaphore: SharedArrayBuffer;
  holdMs: number;
}

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '6' },
      limit: { type: 'string', default: '2' },
      'hold-ms': { type: 'string', default: '100' },
    },
  });
  const semaphore = Semaphore.create(Number(values.limit));
  const workers: Worker[] = [];
  for (let id = 0; id < Number(values.workers); id++) {
    workers.push(new Worker(new URL(import.meta.url), { workerData: { id, semaphore, holdMs: Number(values['hold-ms']) } satisfies Job }));
  }
  await Promise.all(workers.map((w) => once(w, 'exit')));
} else {
  const { id, semaphore, holdMs } = workerData as Job;
  const sem = new Semaphore(semaphore);
  sem.acquire();
  try {
    writeSync(1, `enter ${id}\n`);
    if (holdMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs); // hold: sleep
    writeSync(1, `leave ${id}\n`);
  } finally {
    sem.release();
  }
}
