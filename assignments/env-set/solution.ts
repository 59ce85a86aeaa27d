// env-set: the slide's os.environ['USER'] = 'thing', and a child process that sees it.
// Run it:   npm run exercise -- env-set --name USER --value thing
// Grade it: npm run grade -- env-set
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'USER' },
    value: { type: 'string', default: 'thing' },
    // You may add a flag of your own here, e.g. a role flag for when this program is its own child.
  },
});
const { name, value } = values;

// TODO 1: print "Old value: <old>", or "Old value: (unset)" if the variable is not set.
// TODO 2: set the variable in process.env and print "New value: <value>".
// TODO 3: start a real child process (there is no fork(): spawn a new node process, e.g. this
//         same file, fileURLToPath(import.meta.url), with a role argument) that prints the
//         variable; capture what it printed and print "Child sees: <what it printed>".

console.error('env-set: not implemented yet (see the TODOs in assignments/env-set/solution.ts)');
process.exitCode = 1;
