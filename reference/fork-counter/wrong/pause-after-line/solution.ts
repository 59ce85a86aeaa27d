// fork-counter — the slide's five forked counters; the parent exits at once without waiting.
// Each child is a new OS process running this same file with `--child`.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '5' },
    count: { type: 'string', default: '5' },
    'delay-ms': { type: 'string', default: '1000' },
    child: { type: 'boolean', default: false },
  },
});
const children = Number(values.children);
const count = Number(values.count);
const delayMs = Number(values['delay-ms']);

if (values.child) {
  for (let i = 0; i < count; i++) {
    console.log(`[${process.pid}] => ${i}`);
    if (delayMs > 0) await sleep(delayMs); // BUG: the pause comes after the line, not before it
  }
} else {
  const self = fileURLToPath(import.meta.url);
  for (let n = 0; n < children; n++) {
    const child = spawn(process.execPath, [self, '--child', '--count', String(count), '--delay-ms', String(delayMs)], {
      stdio: ['ignore', 'inherit', 'inherit'], // the children write straight to our standard output
    });
    child.unref(); // do not wait for it: Node would otherwise stay alive until every child has ended
    console.log(`Process ${child.pid} spawned`);
  }
  console.log('Main process exiting.');
}
