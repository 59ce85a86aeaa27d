// sync-semaphore — see README.md. Run by hand: npm run exercise -- sync-semaphore
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

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
  //       print `enter <id>`, hold hold-ms, print `leave <id>`, release (Atomics.add + Atomics.notify).
}
