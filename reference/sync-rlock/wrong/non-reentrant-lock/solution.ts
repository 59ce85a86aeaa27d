// KNOWN-BAD VARIANT `non-reentrant-lock`: a plain lock: the second acquire by the same thread waits for itself forever (deadlock after "acquire 1").
// Otherwise identical to reference/sync-rlock/; the spec must reject it (specs/sync-rlock.yaml, mustReject).
// sync-rlock — the slide's threading.RLock: a thread takes the same lock again and again, N deep.
// The reentrant lock is built from shared memory and Atomics: it remembers its owner and a depth.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, threadId, workerData } from 'node:worker_threads';

const OWNER = 0; // threadId of the owner, 0 when free (workers' threadIds start at 1)
const DEPTH = 1; // how many times the owner holds it

class RLock {
  private readonly cells: Int32Array;
  constructor(shared: SharedArrayBuffer) {
    this.cells = new Int32Array(shared);
  }
  acquire(): void {
    // BUG: no check for "already mine": not reentrant
    let owner: number;
    while ((owner = Atomics.compareExchange(this.cells, OWNER, 0, threadId)) !== 0) {
      Atomics.wait(this.cells, OWNER, owner); // sleep until the owner changes
    }
    this.cells[DEPTH] = 1;
  }
  release(): void {
    if (Atomics.load(this.cells, OWNER) !== threadId) throw new Error('release of a lock this thread does not hold');
    this.cells[DEPTH]! -= 1;
    if (this.cells[DEPTH] === 0) {
      Atomics.store(this.cells, OWNER, 0);
      Atomics.notify(this.cells, OWNER, 1);
    }
  }
}

interface Job {
  lock: SharedArrayBuffer;
  depth: number;
}

if (isMainThread) {
  const { values } = parseArgs({ options: { depth: { type: 'string', default: '5' } } });
  const job: Job = { lock: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT), depth: Number(values.depth) };
  await once(new Worker(new URL(import.meta.url), { workerData: job }), 'exit');
} else {
  const { lock, depth } = workerData as Job;
  const rlock = new RLock(lock);
  const recurse = (d: number): void => {
    rlock.acquire();
    try {
      writeSync(1, `acquire ${d}\n`);
      if (d < depth) recurse(d + 1);
      writeSync(1, `release ${d}\n`);
    } finally {
      rlock.release();
    }
  };
  recurse(1);
}
