// producer-consumer — see README.md. Run by hand: npm run exercise -- producer-consumer --delay-ms 200
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
      producers: { type: 'string', default: '2' },
      consumers: { type: 'string', default: '2' },
      messages: { type: 'string', default: '4' },
      'delay-ms': { type: 'string', default: '1000' },
    },
  });
  // TODO: build a FIFO queue of strings in a SharedArrayBuffer (slots of bytes + head/tail + a lock),
  //       start the consumer threads and the producer threads (workers running this same file),
  //       and join ALL of them: the program ends when every message has been consumed.
  void values;
  console.error('producer-consumer: not implemented yet (see assignments/producer-consumer/README.md)');
  process.exitCode = 1;
} else {
  // TODO: producer <id>: `messages` times, sleep id × delay-ms, then put `[producer id=<id>, count=<k>]`.
  // TODO: consumer <n>: take messages (wait with Atomics.wait while the queue is empty) and print
  //       `consumer <n> got => <message>` with writeLine(...); stop once every message has been taken.
}
