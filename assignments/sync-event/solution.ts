// sync-event — see README.md. Run by hand: npm run exercise -- sync-event
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
    options: { workers: { type: 'string', default: '4' }, 'delay-ms': { type: 'string', default: '200' } },
  });
  // TODO: an event in shared memory (one Int32 cell: 0 clear, 1 set); start `workers` workers with it.
  // TODO: after delay-ms (a timer: do not block the main thread), print `go`, then set the event
  //       (Atomics.store + Atomics.notify waking every waiter); join the workers.
  void values;
  console.error('sync-event: not implemented yet (see assignments/sync-event/README.md)');
  process.exitCode = 1;
} else {
  // TODO: wait for the event (Atomics.wait while the cell is 0), then print `worker <id> started` (writeLine).
}
