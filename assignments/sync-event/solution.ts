// sync-event — see README.md. Run by hand: npm run exercise -- sync-event
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

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
  // TODO: wait for the event (Atomics.wait while the cell is 0), then print `worker <id> started`.
}
