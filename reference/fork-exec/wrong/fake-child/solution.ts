// KNOWN-BAD VARIANT `fake-child`: does not start child.js: the parent prints the child's line itself, with a made-up pid.
// Otherwise identical to reference/fork-exec/; the spec must reject it (specs/fork-exec.yaml, mustReject).
// fork-exec — the slide's fork + execlp: for each input line, start the separate program child.js
// with an incremented parameter. Node's spawn() is fork and exec in one step.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const childProgram = fileURLToPath(new URL('./child.js', import.meta.url)); // built from child.ts
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let parm = 0;
for await (const line of rl) {
  if (line === 'q') break;
  parm += 1;
  void spawn;
  void childProgram;
  const pid = process.pid + parm; // BUG: no process is started
  console.log(`Child is ${pid}`);
  console.log(`Hello from child ${pid} ${parm}`);
}
// `q` or end of input: let go of stdin so that an open input does not keep us alive.
rl.close();
process.stdin.destroy();
