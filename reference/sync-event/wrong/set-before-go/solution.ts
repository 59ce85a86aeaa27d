// KNOWN-BAD VARIANT `set-before-go`: sets the event before printing go: a worker may print its line before go.
// Otherwise identical to reference/sync-event/; the spec must reject it (specs/sync-event.yaml, mustReject).
// sync-event — the slide's threading.Event: workers wait until the main thread sets it.
// The event is one shared Int32 cell, 0 (clear) or 1 (set); waiting is Atomics.wait, setting wakes all.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

class SharedEvent {
  private readonly cell: Int32Array;
  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(shared);
  }
  set(): void {
    Atomics.store(this.cell, 0, 1);
    Atomics.notify(this.cell, 0); // wake every waiter
  }
  /** Blocks the calling thread: for workers only (the main thread must not block its event loop). */
  wait(): void {
    while (Atomics.load(this.cell, 0) === 0) Atomics.wait(this.cell, 0, 0);
  }
}

interface Job {
  id: number;
  event: SharedArrayBuffer;
}

if (isMainThread) {
  const { values } = parseArgs({
    options: { workers: { type: 'string', default: '4' }, 'delay-ms': { type: 'string', default: '200' } },
  });
  const event = new SharedEvent();
  const workers: Worker[] = [];
  for (let id = 0; id < Number(values.workers); id++) {
    workers.push(new Worker(new URL(import.meta.url), { workerData: { id, event: event.shared } satisfies Job }));
  }
  await sleep(Number(values['delay-ms'])); // a timer, not a blocking wait: the event loop keeps running
  event.set(); // BUG: workers may print before go
  writeSync(1, 'go\n');
  await Promise.all(workers.map((w) => once(w, 'exit')));
} else {
  const { id, event } = workerData as Job;
  new SharedEvent(event).wait();
  writeSync(1, `worker ${id} started\n`);
}
