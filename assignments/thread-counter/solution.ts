// thread-counter — see README.md. Run by hand: npm run exercise -- thread-counter --threads 8 --rounds 1000 --delay-ms 0
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      threads: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '1' },
      'delay-ms': { type: 'string', default: '500' },
    },
  });
  // TODO: put the counter (and the lock) in a SharedArrayBuffer; start `threads` workers that all get it.
  // TODO: join them all (await once(worker, 'exit')), then print the final count alone on a line.
  void values;
  console.error('thread-counter: not implemented yet (see assignments/thread-counter/README.md)');
  process.exitCode = 1;
} else {
  // TODO: `rounds` times: count = count + 1 under the lock; sleep delay-ms (none when 0); count = count + 1
  //       under the lock. The lock is yours to build with Atomics (compareExchange, wait, notify): no spinning.
}
