// The child of pipe-anonymous: writes the messages into its standard output, which the
// parent set up as the write end of an anonymous pipe. Each message is one write of
// "Spam NNN\n": the newline is the frame delimiter the reader splits on.
import { writeSync } from 'node:fs';
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

for (let i = 0; i < messages; i++) {
  const zzz = i % 5;
  if (!values.burst && zzz * delayMs > 0) await sleep(zzz * delayMs);
  writeSync(1, `Spam ${String(zzz).padStart(3, '0')}\n`);
}
