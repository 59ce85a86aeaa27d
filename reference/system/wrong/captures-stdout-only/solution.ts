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
  const result = spawnSync(command, { shell: true, stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: Infinity }); // BUG: the output is collected, not streamed
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.error) {
    console.error(`system: could not run the shell: ${result.error.message}`);
    process.exitCode = 1;
  } else if (result.signal !== null) {
    console.log(`Killed by signal: ${result.signal}`);
  } else {
    // Node gives the exit code itself (3), where Python's os.system gives the wait status (768).
    console.log(`Return value: ${result.status}`);
  }
}
