// thread-callable — see README.md. Run by hand: npm run exercise -- thread-callable --base 3 --exp 50
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
  const { values } = parseArgs({ options: { base: { type: 'string', default: '2' }, exp: { type: 'string', default: '32' } } });
  // TODO: make an object of a class Power(base, exp) whose method action() prints base ** exp exactly
  //       (hint: BigInt; numbers lose digits beyond 2 ** 53).
  // TODO: run action() on a worker thread: a Worker cannot receive the object's methods, so send its data
  //       (workerData) and rebuild the object in the worker. Wait for the worker to end.
  void values;
  console.error('thread-callable: not implemented yet (see assignments/thread-callable/README.md)');
  process.exitCode = 1;
} else {
  // TODO: rebuild the Power object from workerData and call its action(); print with writeLine(...).
}
