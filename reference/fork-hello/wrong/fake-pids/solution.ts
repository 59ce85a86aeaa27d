// KNOWN-BAD VARIANT `fake-pids`: prints made-up pids without starting any child process.
// Otherwise identical to reference/fork-hello/; the spec must reject it (specs/fork-hello.yaml, mustReject).
// fork-hello — the slide's os.fork() loop: one child process per input line, until `q`.
// Node has no fork(): the parent starts a NEW process running this same file in its child role.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { child: { type: 'boolean', default: false } } });

if (values.child) {
  // The child: its own OS process, with its own pid.
  console.log(`Hello from child ${process.pid}`);
} else {
  const self = fileURLToPath(import.meta.url);
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // The async line iterator never drops lines, even when they all arrive in one chunk.
  for await (const line of rl) {
    if (line === 'q') break;
    void self;
    const fake = process.pid + 100 + Math.floor(Math.random() * 1000); // BUG: no child process at all
    console.log(`Hello from parent ${process.pid} ${fake}`);
    console.log(`Hello from child ${fake}`);
  }
  // `q` or end of input: stop reading. An open stdin would keep the process alive, so let go of it;
  // the process then ends as soon as the children it started have ended.
  rl.close();
  process.stdin.destroy();
}
