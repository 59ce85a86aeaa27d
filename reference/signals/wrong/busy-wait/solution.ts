// signals: handlers for SIGUSR1 (count), SIGINT (ignored) and SIGTERM (a graceful exit),
// installed before `ready` is printed; waits without using the processor.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'max-wait-ms': { type: 'string', default: '10000' } } });
const maxWaitMs = Number(values['max-wait-ms']);

let usr1Count = 0;

// Handlers first: a signal may come the moment `ready` is out. A listener replaces Node's default
// action (SIGINT, SIGTERM: end the process; SIGUSR1: start the inspector) and does not keep the
// process alive; the timer below does, until it fires or is cleared.
process.on('SIGUSR1', () => {
  usr1Count += 1;
  console.log(`usr1 ${usr1Count}`);
});
process.on('SIGINT', () => {
  console.log('ignored SIGINT');
});
process.on('SIGTERM', () => {
  console.log(`bye after ${usr1Count}`);
  timer.stop(); // nothing keeps the event loop alive any more: the process ends with status 0
});

// BUG: waits by polling the clock on every turn of the event loop: a processor is busy all the time
const deadline = Date.now() + maxWaitMs;
let stopped = false;
const timer = { stop: () => (stopped = true) };
function poll(): void {
  if (stopped) return;
  if (Date.now() >= deadline) {
    console.log('timeout');
    process.exitCode = 1;
    return;
  }
  setImmediate(poll);
}
setImmediate(poll);

console.log(`ready ${process.pid}`);
