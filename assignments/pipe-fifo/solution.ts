// pipe-fifo: reader (default) and writer (--child) of a named pipe. See README.md.
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'boolean', default: false },
    messages: { type: 'string', default: '10' },
    'delay-ms': { type: 'string', default: '1000' },
  },
});

// TODO: make the FIFO at positionals[0] with the mkfifo command; "exists" is fine if it is a FIFO.
// TODO: writer (--child): open it with O_WRONLY (fs/promises open), write N lines
//       `Spam <NNN>\n` sleeping NNN × D ms before each, close.
// TODO: reader: openSync with O_RDONLY | O_NONBLOCK, wrap the fd in a net.Socket, print
//       `Parent <pid> got "Spam <NNN>" at <ts>` for each line; finish at 'end'.
void values;
void positionals;
process.stderr.write('pipe-fifo: not implemented yet (see assignments/pipe-fifo/README.md)\n');
process.exitCode = 1;
