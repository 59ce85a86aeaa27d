// thread-counter — see README.md. Run by hand: npm run exercise -- thread-counter --threads 8 --rounds 1000 --delay-ms 0
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
      threads: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '1' },
      'delay-ms': { type: 'string', default: '500' },
    },
  });
  // TODO: put the counter (and the lock) in a SharedArrayBuffer; start `threads` workers that all get it.
  // TODO: join them all (await once(worker, 'exit')), then print the final count alone on a line (writeLine).
  void values;
  console.error('thread-counter: not implemented yet (see assignments/thread-counter/README.md)');
  process.exitCode = 1;
} else {
  // TODO: `rounds` times: count = count + 1 under the lock; sleep delay-ms (Atomics.wait on a sleep cell of its own; none when 0); count = count + 1
  //       under the lock. The lock is yours to build with Atomics (compareExchange, wait, notify): no spinning.
}
