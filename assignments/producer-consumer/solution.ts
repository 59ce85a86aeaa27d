// producer-consumer — see README.md. Run by hand: npm run exercise -- producer-consumer --delay-ms 200
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

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
  //       `consumer <n> got => <message>` with fs.writeSync(1, ...); stop once every message has been taken.
}
