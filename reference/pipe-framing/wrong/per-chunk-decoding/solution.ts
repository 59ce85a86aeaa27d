// pipe-framing: length-prefixed frames (4-byte big-endian length + UTF-8 payload).
// Decoder by default; `--encode` turns each input line into one frame.
// Both work on bytes as they come: a read may end anywhere, even inside a character.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { encode: { type: 'boolean', default: false } } });

const HEADER = 4;

/** Encoder: a line is the bytes up to "\n" (a "\r" stays in it); a last line without "\n" counts. */
function encode(): void {
  let pending = Buffer.alloc(0);
  const frame = (line: Buffer): void => {
    const header = Buffer.alloc(HEADER);
    header.writeUInt32BE(line.length); // a length in bytes, not characters
    process.stdout.write(Buffer.concat([header, line]));
  };
  process.stdin.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    let nl: number;
    while ((nl = pending.indexOf(0x0a)) >= 0) {
      frame(pending.subarray(0, nl));
      pending = pending.subarray(nl + 1);
    }
  });
  process.stdin.on('end', () => {
    if (pending.length > 0) frame(pending);
  });
}

/** Decoder: BUG: every read is taken to start at a frame boundary and to hold whole frames. */
function decode(): void {
  let frames = 0;
  let leftover = false;
  process.stdin.on('data', (chunk: Buffer) => {
    let at = 0;
    let out = '';
    while (chunk.length - at >= HEADER && chunk.length - at >= HEADER + chunk.readUInt32BE(at)) {
      const end = at + HEADER + chunk.readUInt32BE(at);
      out += `frame ${frames++}: ${JSON.stringify(chunk.toString('utf8', at + HEADER, end))}\n`;
      at = end;
    }
    leftover = at < chunk.length; // the rest of this read is dropped
    if (out !== '') process.stdout.write(out);
  });
  process.stdin.on('end', () => {
    if (leftover) {
      process.stderr.write('error: truncated frame\n');
      process.exitCode = 2;
    } else {
      process.stdout.write(`total ${frames}\n`);
    }
  });
}

if (values.encode) encode();
else decode();
