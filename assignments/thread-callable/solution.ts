// thread-callable — see README.md. Run by hand: npm run exercise -- thread-callable --base 3 --exp 50
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';

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
  // TODO: rebuild the Power object from workerData and call its action(); print with fs.writeSync(1, ...).
}
