// Hostile: kill(-1, SIGKILL), every process it may signal. It refuses to do so unless it is
// inside bubblewrap's PID namespace (pid 1 is bwrap) or runs as one of the grader's unprivileged
// slot uids (60000-60511): as root or as the developer's own user outside a namespace, it would
// take the machine or the desktop down (argv: nonce).
import fs from 'node:fs';

const uid = process.getuid?.() ?? -1;
let init = '';
try {
  init = fs.readFileSync('/proc/1/comm', 'utf8').trim();
} catch {
  // no /proc
}
const slotUid = uid >= 60000 && uid < 60512;
if (init !== 'bwrap' && !slotUid) {
  console.log(`refusing kill(-1) as uid ${uid} outside a PID namespace`);
  process.exitCode = 2;
} else {
  console.log(`killing everything uid ${uid} may signal`);
  process.kill(-1, 'SIGKILL');
  console.log('still alive after kill(-1)');
}
