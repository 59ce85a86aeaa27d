// sync-rlock — see README.md. Run by hand: npm run exercise -- sync-rlock --depth 3
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const { values } = parseArgs({ options: { depth: { type: 'string', default: '5' } } });
  // TODO: make the lock's shared memory (owner + depth cells), start one worker with it and the depth, wait for it.
  void values;
  console.error('sync-rlock: not implemented yet (see assignments/sync-rlock/README.md)');
  process.exitCode = 1;
} else {
  // TODO: a reentrant lock: acquire() by the owner (threadId) only counts; anyone else waits with Atomics.wait.
  // TODO: recurse(d): acquire, print `acquire <d>`, recurse(d + 1) while d < depth, print `release <d>`, release.
  //       Start with recurse(1).
}
