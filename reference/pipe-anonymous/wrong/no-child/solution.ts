// pipe-anonymous: the parent spawns child.js with its standard output connected to an
// anonymous pipe and prints one line per message, however the bytes were split or joined.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10' },
    'delay-ms': { type: 'string', default: '1000' },
    burst: { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const delayMs = Number(values['delay-ms']);

/** Unix time in seconds with 6 decimals, taken now. */
const now = (): string => ((performance.timeOrigin + performance.now()) / 1000).toFixed(6);

// BUG: no child process and no pipe: the parent makes the messages up itself.
for (let i = 0; i < messages; i++) {
  const zzz = i % 5;
  if (!values.burst && zzz * delayMs > 0) await sleep(zzz * delayMs);
  process.stdout.write(`Parent ${process.pid} got [Spam ${String(zzz).padStart(3, '0')}] at ${now()}\n`);
}
