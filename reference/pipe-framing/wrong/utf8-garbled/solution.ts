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

/** Decoder: reads the header, then collects the payload's text piece by piece as it comes. */
function decode(): void {
  let header = Buffer.alloc(0);
  let remaining = -1; // payload bytes still to come; -1 while reading a header
  let text = '';
  let frames = 0;
  process.stdin.on('data', (chunk: Buffer) => {
    let at = 0;
    let out = '';
    for (;;) {
      if (remaining < 0) {
        const take = Math.min(HEADER - header.length, chunk.length - at);
        header = Buffer.concat([header, chunk.subarray(at, at + take)]);
        at += take;
        if (header.length < HEADER) break;
        remaining = header.readUInt32BE(0);
        header = Buffer.alloc(0);
        text = '';
      }
      const take = Math.min(remaining, chunk.length - at);
      text += chunk.toString('utf8', at, at + take); // BUG: a character cut between reads is garbled
      at += take;
      remaining -= take;
      if (remaining > 0) break;
      out += `frame ${frames++}: ${JSON.stringify(text)}\n`;
      remaining = -1;
    }
    if (out !== '') process.stdout.write(out);
  });
  process.stdin.on('end', () => {
    if (remaining >= 0 || header.length > 0) {
      process.stderr.write('error: truncated frame\n');
      process.exitCode = 2;
    } else {
      process.stdout.write(`total ${frames}\n`);
    }
  });
}

if (values.encode) encode();
else decode();
