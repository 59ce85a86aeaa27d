// os-walk: list the tree below <dir> with lstat, never following links. See README.md.
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });

// TODO: walk the tree below positionals[0]: readdirSync each real directory, lstatSync each entry.
// TODO: print `<type> <size> <relative path>` sorted by path (plain sort()), then
//       `total: <f> files, <d> dirs, <b> bytes`.
// TODO: no argument: `usage: solution <dir>` on stderr, exit 2. A directory that cannot be read:
//       an `error: ...` line naming it on stderr; <dir> itself: nothing else, exit 1; a
//       subdirectory: list it, skip its contents, go on, exit 1 at the end.
void positionals;
process.stderr.write('os-walk: not implemented yet (see assignments/os-walk/README.md)\n');
process.exitCode = 1;
