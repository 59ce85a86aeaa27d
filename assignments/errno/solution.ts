// errno: open each path, read up to one byte, close; report why a system call failed.
// See README.md.
// Run it:   npm run exercise -- errno hello.txt missing.txt
// Grade it: npm run grade -- errno
import { parseArgs } from 'node:util';

const { positionals: paths } = parseArgs({ allowPositionals: true, options: {} });

// TODO 1: for each path, in order: fs.openSync(path, 'r'), fs.readSync one byte into
//         Buffer.alloc(1), fs.closeSync (in a finally); print `<path>: ok`.
// TODO 2: when either call throws, print `<path>: <CODE> (<n>) <description>` on stdout and go
//         on with the next path: CODE is err.code, n is os.constants.errno[err.code] (err.errno
//         is libuv's NEGATIVE number), description is util.getSystemErrorMap().get(err.errno)[1].
// TODO 3: process.exitCode = 1 if any path failed (0 otherwise).
void paths;
console.error('errno: not implemented yet (see the TODOs in assignments/errno/solution.ts)');
process.exitCode = 1;
