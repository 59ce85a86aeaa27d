// os-walk: list every entry below <dir> with its type and lstat size, never following a
// symbolic link and never opening anything but directories.
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const root = positionals[0];
if (root === undefined) {
  process.stderr.write('usage: solution <dir>\n');
  process.exit(2);
}

type Kind = 'dir' | 'file' | 'symlink' | 'fifo' | 'other';
interface Entry { kind: Kind; size: number; rel: string }

function kindOf(st: Stats): Kind {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'file';
  if (st.isFIFO()) return 'fifo';
  return 'other';
}

const entries: Entry[] = [];
function walk(rel: string): void {
  // Reading a directory opens only that directory; lstat looks at an entry without opening it
  // and without following it if it is a link. We go down only into real directories.
  for (const name of readdirSync(join(root!, rel))) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const st = lstatSync(join(root!, path));
    const kind = kindOf(st);
    entries.push({ kind, size: kind === 'dir' ? 0 : st.size, rel: path });
    if (kind === 'dir') walk(path);
  }
}
try {
  walk(''); // BUG: an unreadable subdirectory aborts the whole walk: nothing is listed
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
}

// Plain string order (UTF-16 code units), as sort() does with no comparator: 'a-b' < 'a/z'.
entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

const files = entries.filter((e) => e.kind === 'file');
const dirs = entries.filter((e) => e.kind === 'dir').length;
const bytes = files.reduce((sum, e) => sum + e.size, 0);
process.stdout.write(
  entries.map((e) => `${e.kind} ${e.size} ${e.rel}\n`).join('') +
    `total: ${files.length} files, ${dirs} dirs, ${bytes} bytes\n`,
);
