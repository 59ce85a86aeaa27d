// KNOWN-BAD VARIANT `fake-children`: no child processes: one process runs N async counters and prints made-up pids.
// Otherwise identical to reference/fork-counter/; the spec must reject it (specs/fork-counter.yaml, mustReject).
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
    if (delayMs > 0) await sleep(delayMs);
    console.log(`[${process.pid}] => ${i}`);
  }
} else {
  const self = fileURLToPath(import.meta.url);
  void self;
  void spawn;
  const counters: Promise<void>[] = [];
  for (let n = 0; n < children; n++) {
    const pid = process.pid + 1 + n; // BUG: a made-up pid, and an async function instead of a process
    console.log(`Process ${pid} spawned`);
    counters.push(
      (async () => {
        for (let i = 0; i < count; i++) {
          if (delayMs > 0) await sleep(delayMs);
          console.log(`[${pid}] => ${i}`);
        }
      })(),
    );
  }
  console.log('Main process exiting.');
}
