// sync-condition — see README.md. Run by hand: npm run exercise -- sync-condition
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const { values } = parseArgs({
    options: { capacity: { type: 'string', default: '2' }, items: { type: 'string', default: '10' } },
  });
  // TODO: one SharedArrayBuffer for the mutex, the condition variable and a ring buffer of `capacity` items;
  //       start a producer and a consumer worker with it; join both.
  void values;
  console.error('sync-condition: not implemented yet (see assignments/sync-condition/README.md)');
  process.exitCode = 1;
} else {
  // TODO producer: for i = 0..items-1: lock; while full, wait on the condition; add i;
  //      print `put <i> size=<size>` (still holding the lock); notify; unlock.
  // TODO consumer: items times: lock; while empty, wait; take the oldest item;
  //      print `take <item> size=<size>` (still holding the lock); notify; unlock.
}
