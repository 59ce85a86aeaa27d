// time-elapsed: sleep S seconds, then print how long it really took.
// Run it:   npm run exercise -- time-elapsed --seconds 0.5
// Grade it: npm run grade -- time-elapsed
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
const typed = values.seconds; // print S exactly as it was typed: "0.50" stays "0.50"
const seconds = Number(typed);

// TODO 1: print "Sleeping <typed> seconds...".
// TODO 2: read a monotonic clock (process.hrtime.bigint()), really sleep `seconds` seconds
//         (await a timer from 'node:timers/promises'), and read the clock again.
// TODO 3: print "Seconds: <int> Microseconds: <int>": the elapsed time you MEASURED, split into
//         whole seconds and the rest in microseconds (0..999999).

console.error('time-elapsed: not implemented yet (see the TODOs in assignments/time-elapsed/solution.ts)');
process.exitCode = 1;
