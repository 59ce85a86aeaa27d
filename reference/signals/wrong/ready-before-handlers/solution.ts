// signals: handlers for SIGUSR1 (count), SIGINT (ignored) and SIGTERM (a graceful exit),
// installed before `ready` is printed; waits without using the processor.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'max-wait-ms': { type: 'string', default: '10000' } } });
const maxWaitMs = Number(values['max-wait-ms']);

let usr1Count = 0;

// BUG: ready is printed first, and the handlers are installed only after some start-up work: a
// signal sent the moment ready is out finds Node's default action
console.log(`ready ${process.pid}`);
await new Promise((resolve) => setTimeout(resolve, 1000)); // start-up work (e.g. reading a configuration, connecting)

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
  clearTimeout(timer); // nothing keeps the event loop alive any more: the process ends with status 0
});

// Waiting is a timer, not a loop: the process sleeps until a signal or the timer wakes it.
const timer = setTimeout(() => {
  console.log('timeout');
  process.exitCode = 1;
}, maxWaitMs);

