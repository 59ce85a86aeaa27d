// KNOWN-BAD VARIANT `parm-reset`: the parameter is declared inside the loop, so every child gets 1.
// Otherwise identical to reference/fork-exec/; the spec must reject it (specs/fork-exec.yaml, mustReject).
// fork-exec — the slide's fork + execlp: for each input line, start the separate program child.js
// with an incremented parameter. Node's spawn() is fork and exec in one step.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const childProgram = fileURLToPath(new URL('./child.js', import.meta.url)); // built from child.ts
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line === 'q') break;
  let parm = 0; // BUG: reset for every line
  parm += 1;
  const child = spawn(process.execPath, [childProgram, String(parm)], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`Child is ${child.pid}`);
}
// `q` or end of input: let go of stdin so that an open input does not keep us alive.
rl.close();
process.stdin.destroy();
