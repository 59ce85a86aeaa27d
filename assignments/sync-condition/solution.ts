// sync-condition — see README.md. Run by hand: npm run exercise -- sync-condition
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
    options: { capacity: { type: 'string', default: '2' }, items: { type: 'string', default: '10' } },
  });
  // TODO: one SharedArrayBuffer for the mutex, the condition variable and a ring buffer of `capacity` items;
  //       start a producer and a consumer worker with it; join both.
  void values;
  console.error('sync-condition: not implemented yet (see assignments/sync-condition/README.md)');
  process.exitCode = 1;
} else {
  // TODO producer: for i = 0..items-1: lock; while full, wait on the condition; add i;
  //      print `put <i> size=<size>` with writeLine (still holding the lock); notify; unlock.
  // TODO consumer: items times: lock; while empty, wait; take the oldest item;
  //      print `take <item> size=<size>` (still holding the lock); notify; unlock.
}
