// popen: the slide's os.popen(cmd).read() / .readlines(), and os.popen(cmd, 'w').write(text).
// Run it:   npm run exercise -- popen "ls -l"
//           npm run exercise -- popen --write "hello" "tr a-z A-Z"
// Grade it: npm run grade -- popen
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { write: { type: 'string' } },
  allowPositionals: true,
});
const command = positionals[0]; // the whole command line, one argument

// TODO 1 (no --write): run `command` through the shell and capture its standard output
//         (mind spawnSync's 1 MiB maxBuffer); print it unchanged, then
//         "Lines: <JSON array>", the output split after each "\n" like readlines().
// TODO 2 (--write TEXT): send TEXT to the command's standard input and let its output
//         through; print nothing of your own.

console.error('popen: not implemented yet (see the TODOs in assignments/popen/solution.ts)');
process.exitCode = 1;
