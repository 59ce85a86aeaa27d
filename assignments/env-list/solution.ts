// env-list: the slide's os.environ.keys() and os.environ['TMPDIR'].
// Run it:   npm run exercise -- env-list HOME
// Grade it: npm run grade -- env-list
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
const name = positionals[0] ?? 'TMPDIR';

// TODO 1: print "Variables: <JSON array>": the names of all environment variables
//         (process.env), sorted in plain string order, as JSON.
// TODO 2: print "Variable <name> is: <value>", or, when it is not set at all,
//         "Variable <name> is not set" and finish with exit status 1 (process.exitCode).

console.error('env-list: not implemented yet (see the TODOs in assignments/env-list/solution.ts)');
process.exitCode = 1;
