// KNOWN-BAD VARIANT `hangs-on-open-stdin`: on q it only leaves the loop: it never lets go of standard input, so the process waits for more input as long as stdin stays open.
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
  rl.on('line', (line) => {
    if (line === 'q') return; // BUG: q only stops starting children; stdin is still read
    const child = spawn(process.execPath, [self, '--child'], { stdio: ['ignore', 'inherit', 'inherit'] });
    console.log(`Hello from parent ${process.pid} ${child.pid}`);
  });
  // `q` or end of input: stop reading. An open stdin would keep the process alive, so let go of it;
  // the process then ends as soon as the children it started have ended.
  // BUG: nothing closes the readline interface or standard input here
}
