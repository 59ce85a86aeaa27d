// sync-semaphore — see README.md. Run by hand: npm run exercise -- sync-semaphore
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

/** A pause of 1 ms for writeLine (Atomics.wait on a cell of its own, which stays 0). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Prints one line on standard output at once, from any thread: use it, not console.log, in
 * workers (their console.log lines reach the main thread later, out of order). Once a Worker
 * runs, Node makes a piped standard output non-blocking, so writeSync to a full pipe (run by hand
 * as `... | tail`) throws EAGAIN: then it waits 1 ms and writes the rest. The grader writes to a
 * file, where that never happens.
 */
function writeLine(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '6' },
      limit: { type: 'string', default: '2' },
      'hold-ms': { type: 'string', default: '100' },
    },
  });
  // TODO: a semaphore in shared memory holding `limit` free places; start `workers` workers with it; join them.
  void values;
  console.error('sync-semaphore: not implemented yet (see assignments/sync-semaphore/README.md)');
  process.exitCode = 1;
} else {
  // TODO: acquire (take a place with Atomics.compareExchange, or sleep in Atomics.wait while none is free),
  //       print `enter <id>` (writeLine), hold hold-ms (Atomics.wait on a sleep cell of its own), print `leave <id>`, release (Atomics.add + Atomics.notify).
}
