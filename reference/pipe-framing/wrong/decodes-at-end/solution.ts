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

/** Decoder: keep the bytes that have come; print every frame once all of its bytes are there. */
function decode(): void {
  let pending = Buffer.alloc(0);
  let frames = 0;
  let held = '';
  process.stdin.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    let out = '';
    while (pending.length >= HEADER && pending.length >= HEADER + pending.readUInt32BE(0)) {
      const end = HEADER + pending.readUInt32BE(0);
      // The payload is complete here, so no character can be cut in two.
      out += `frame ${frames++}: ${JSON.stringify(pending.toString('utf8', HEADER, end))}\n`;
      pending = pending.subarray(end);
    }
    held += out; // BUG: the frames are printed only at the end of the input, not as they complete
  });
  process.stdin.on('end', () => {
    process.stdout.write(held);
    if (pending.length > 0) {
      process.stderr.write('error: truncated frame\n');
      process.exitCode = 2;
    } else {
      process.stdout.write(`total ${frames}\n`);
    }
  });
}

if (values.encode) encode();
else decode();
