// thread-class — see README.md. Run by hand: npm run exercise -- thread-class --threads 3 --count 3
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

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
  //       print `[<id>] => <i>` with fs.writeSync(1, ...), release it (Atomics.store / Atomics.notify).
}
