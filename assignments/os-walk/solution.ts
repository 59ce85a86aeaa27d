// os-walk: list the tree below <dir> with lstat, never following links. See README.md.
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });

// TODO: walk the tree below positionals[0]: readdirSync each real directory, lstatSync each entry.
// TODO: print `<type> <size> <relative path>` sorted by path (plain sort()), then
//       `total: <f> files, <d> dirs, <b> bytes`.
void positionals;
process.stderr.write('os-walk: not implemented yet (see assignments/os-walk/README.md)\n');
process.exitCode = 1;
