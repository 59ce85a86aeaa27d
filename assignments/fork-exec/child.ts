// The program that fork-exec starts (the slide's child.py). Run by hand after a build, or through solution.ts.
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
// TODO: print `Hello from child <your pid> <the parameter>` (the parameter is positionals[0]).
void positionals;
console.error('fork-exec child: not implemented yet');
process.exitCode = 1;
