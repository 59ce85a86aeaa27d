// pipe-anonymous: the parent. Starts child.js with its standard output connected to an
// anonymous pipe, and prints one line per message the child sends. See README.md.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10' },
    'delay-ms': { type: 'string', default: '1000' },
    burst: { type: 'boolean', default: false },
  },
});

// TODO: spawn process.execPath with fileURLToPath(new URL('./child.js', import.meta.url)) and
//       the flags, with stdio: ['ignore', 'pipe', 'inherit'] (child.stdout is the pipe).
// TODO: keep the bytes that have come; print `Parent <pid> got [Spam <NNN>] at <ts>` for every
//       complete message, with <ts> taken on arrival (seconds, 6 decimals).
// TODO: finish on the child's 'close' event; use process.exitCode, not process.exit().
void values;
process.stderr.write('pipe-anonymous: not implemented yet (see assignments/pipe-anonymous/README.md)\n');
process.exitCode = 1;
