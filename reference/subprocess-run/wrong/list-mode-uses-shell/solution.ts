// subprocess-run: the slide's subprocess.run(['ls', '..']) and subprocess.run('date', shell=True).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

const [mode, ...rest] = process.argv.slice(2);
let result: SpawnSyncReturns<Buffer> | undefined;
let program = '';

if (mode === 'list' && rest.length > 0) {
  // A list: the program gets its arguments as they are; no shell, so no $HOME, no * expansion.
  program = rest[0]!;
  result = spawnSync(program, rest.slice(1), { stdio: 'inherit', shell: true }); // BUG: a shell expands $HOME and *
} else if (mode === 'shell' && rest.length > 0) {
  // shell=True: one command line, read by /bin/sh (several arguments are joined with spaces).
  program = rest.join(' ');
  result = spawnSync(program, { shell: true, stdio: 'inherit' });
} else {
  console.error('usage: subprocess-run list <program> [args...] | subprocess-run shell <command line>');
  process.exitCode = 2;
}

if (result?.error) {
  const code = (result.error as NodeJS.ErrnoException).code ?? 'error';
  console.error(`Failed to start: ${program} (${code})`);
  process.exitCode = 127;
} else if (result?.signal) {
  console.log(`Killed by signal: ${result.signal}`);
} else if (result) {
  console.log(`Exit status: ${result.status}`);
}
