// KNOWN-BAD VARIANT `hangs-on-open-stdin`: on q it leaves the loop but keeps standard input open, so it waits as long as stdin stays open.
// Otherwise identical to reference/fork-exec/; the spec must reject it (specs/fork-exec.yaml, mustReject).
// fork-exec — the slide's fork + execlp: for each input line, start the separate program child.js
// with an incremented parameter. Node's spawn() is fork and exec in one step.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const childProgram = fileURLToPath(new URL('./child.js', import.meta.url)); // built from child.ts
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let parm = 0;
rl.on('line', (line) => {
  if (line === 'q') return; // BUG: q stops starting children, but stdin is still read
  parm += 1;
  const child = spawn(process.execPath, [childProgram, String(parm)], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`Child is ${child.pid}`);
});
// `q` or end of input: let go of stdin so that an open input does not keep us alive.
// BUG: nothing lets go of standard input
