// pipe-anonymous: the child. Writes the messages into its standard output (fd 1), which is
// the write end of the pipe its parent made. See README.md.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10' },
    'delay-ms': { type: 'string', default: '1000' },
    burst: { type: 'boolean', default: false },
  },
});

// TODO: for i = 0 .. N-1: NNN = i % 5; sleep NNN × D ms (not with --burst); write
//       `Spam <NNN>` with three digits, plus your framing (e.g. "\n").
void values;
process.stderr.write('pipe-anonymous child: not implemented yet\n');
process.exitCode = 1;
