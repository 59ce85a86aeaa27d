// Hostile: a fork bomb. Every process starts two copies of itself and then waits forever (a
// builtin `read` of the pipe from node that never ends, so that no extra process is needed; on
// fd 3, since sh gives background jobs /dev/null as their standard input),
// bounded by depth 12 and by a hard cap of 600 processes counted in the work directory (a glob,
// no fork), so that a grader without a process cap still cannot take the machine down. The
// copies are /bin/sh functions (a fork costs ~1 ms, a node ~70 ms): it reaches the grader's cap
// in well under a second (argv: nonce).
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const [nonce = 'none'] = process.argv.slice(2);
const bomb = `
exec 3<&0
b() {
  depth=$1; name=$2
  : > "bomb/$name"
  set -- bomb/*
  if [ $# -lt 600 ] && [ "$depth" -lt 12 ]; then
    b $((depth + 1)) "\${name}0" &
    b $((depth + 1)) "\${name}1" &
  fi
  read forever <&3
}
b 0 r
`;
fs.mkdirSync('bomb', { recursive: true });
console.log('bombing');
const child = spawn('/bin/sh', ['-c', bomb, `bomb-${nonce}`], { stdio: ['pipe', 'inherit', 'inherit'] });
child.on('exit', (code) => {
  process.exitCode = code ?? 1;
});
