// thread-class — see README.md. Run by hand: npm run exercise -- thread-class --threads 3 --count 3
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
    options: { threads: { type: 'string', default: '10' }, count: { type: 'string', default: '10' } },
  });
  // TODO: make the stdout mutex: a SharedArrayBuffer that every thread receives.
  // TODO: start `threads` workers running this same file (new Worker(new URL(import.meta.url), { workerData })),
  //       each with its id (0, 1, ...), the count and the mutex. A Worker subclass is the slide's Thread subclass.
  // TODO: join them all (await once(worker, 'exit')), then print `Main thread exiting.` as the very last line.
  void values;
  console.error('thread-class: not implemented yet (see assignments/thread-class/README.md)');
  process.exitCode = 1;
} else {
  // TODO: the thread's run(): for i = 0..count-1, take the mutex (Atomics.compareExchange / Atomics.wait),
  //       print `[<id>] => <i>` with writeLine(...), release it (Atomics.store / Atomics.notify).
}
