// os-files: mkdir, exclusive create with mode 0640 through a file descriptor, stat, remove.
// See README.md.
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });

// TODO: mkdirSync(<dir>/a/b, { recursive: true }).
// TODO: openSync(<dir>/a/b/data.txt, O_WRONLY | O_CREAT | O_EXCL, 0o640); on EEXIST print
//       `error: <path> exists` on stderr and set process.exitCode = 1.
// TODO: writeSync `hello\n`, closeSync, print `mode <octal> size <n>` from statSync.
// TODO: unlinkSync the file, rmdirSync a/b then a, print `removed`.
void positionals;
process.stderr.write('os-files: not implemented yet (see assignments/os-files/README.md)\n');
process.exitCode = 1;
