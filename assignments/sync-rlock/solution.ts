// sync-rlock — see README.md. Run by hand: npm run exercise -- sync-rlock --depth 3
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
  const { values } = parseArgs({ options: { depth: { type: 'string', default: '5' } } });
  // TODO: make the lock's shared memory (owner + depth cells), start one worker with it and the depth, wait for it.
  void values;
  console.error('sync-rlock: not implemented yet (see assignments/sync-rlock/README.md)');
  process.exitCode = 1;
} else {
  // TODO: a reentrant lock: acquire() by the owner (threadId) only counts; anyone else waits with Atomics.wait.
  // TODO: recurse(d): acquire, print `acquire <d>` (writeLine), recurse(d + 1) while d < depth, print `release <d>`, release.
  //       Start with recurse(1).
}
