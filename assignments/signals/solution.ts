// signals: count SIGUSR1, ignore SIGINT, end gracefully on SIGTERM. See README.md.
// Run it:   npm run exercise -- signals --max-wait-ms 60000   (then kill -USR1 <pid> from another terminal)
// Grade it: npm run grade -- signals
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'max-wait-ms': { type: 'string', default: '10000' } } });
const maxWaitMs = Number(values['max-wait-ms']);

// TODO 1: process.on('SIGUSR1', ...): count it and print `usr1 <n>`.
// TODO 2: process.on('SIGINT', ...): print `ignored SIGINT` (and nothing else).
// TODO 3: process.on('SIGTERM', ...): print `bye after <n>` and end with status 0 at once
//         (clearTimeout the timer of TODO 4 so that nothing keeps the program alive).
// TODO 4: wait with a timer, not a loop: setTimeout(..., maxWaitMs) prints `timeout` and sets
//         process.exitCode = 1.
// TODO 5: only then print `ready <pid>` (process.pid): a signal may come the moment it is out.
void maxWaitMs;
console.error('signals: not implemented yet (see the TODOs in assignments/signals/solution.ts)');
process.exitCode = 1;
