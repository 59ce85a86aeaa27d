// pipe-framing: decoder of length-prefixed frames, or encoder with --encode. See README.md.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { encode: { type: 'boolean', default: false } } });

// TODO (decoder): collect stdin's Buffers; while a whole frame (4-byte big-endian length +
//       payload) is there, print `frame <i>: ${JSON.stringify(payload)}`; at 'end' print
//       `total <n>`, or `error: truncated frame` on stderr and exitCode 2 if bytes are left over.
// TODO (encoder): each line (up to "\n") of stdin becomes one frame on stdout; a length in bytes.
void values;
process.stderr.write('pipe-framing: not implemented yet (see assignments/pipe-framing/README.md)\n');
process.exitCode = 1;
