// `bytes`: the raw bytes of a stream, without the text normalisation of the other checks (for
// binary output such as length-prefixed frames). A difference is shown as the offset and a hex
// dump of both sides; with `frames: u32be`, also as decoded frames.
//
// The runner keeps output as UTF-8 text; the bytes compared are that text encoded again, which
// are the program's bytes exactly when they are valid UTF-8 (bytes that are not show as EF BF BD,
// U+FFFD). The loader therefore requires the expected bytes to be valid UTF-8.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { quote } from './display.js';
import { programName, streamName, streamSchema } from './streams.js';
import { capitalise } from '../util/text.js';

/** The expected bytes of a config (exactly one of base64 and hex). */
export function expectedBytes(config: BytesConfig): Buffer {
  if ((config.base64 === undefined) === (config.hex === undefined)) throw new Error('a bytes check takes exactly one of base64 and hex');
  return config.base64 !== undefined ? Buffer.from(config.base64, 'base64') : Buffer.from((config.hex ?? '').replace(/\s+/g, ''), 'hex');
}

/** An `xxd`-style dump of 16-byte rows from `from` (inclusive) to `to` (exclusive). */
export function hexDump(bytes: Uint8Array, from: number, to: number): string {
  const rows: string[] = [];
  for (let row = from - (from % 16); row < Math.min(to, bytes.length); row += 16) {
    const slice = bytes.subarray(row, Math.min(row + 16, bytes.length));
    const hex = [...slice].map((b) => b.toString(16).padStart(2, '0'));
    const pairs: string[] = [];
    for (let i = 0; i < 16; i += 2) pairs.push((hex[i] ?? '  ') + (hex[i + 1] ?? '  '));
    const ascii = [...slice].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${row.toString(16).padStart(8, '0')}: ${pairs.join(' ')}  ${ascii}`);
  }
  return rows.join('\n');
}

/** A frame read from bytes: its declared length and payload (cut short if the bytes end). */
interface Frame {
  offset: number;
  length: number;
  payload: Buffer;
  complete: boolean;
}

/** Reads 4-byte big-endian length-prefixed frames; a last header cut short is dropped. */
export function decodeFrames(bytes: Buffer): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const payload = bytes.subarray(at + 4, Math.min(bytes.length, at + 4 + length));
    frames.push({ offset: at, length, payload, complete: payload.length === length });
    at += 4 + length;
  }
  return frames;
}

function describeFrame(frame: Frame | undefined): string {
  if (frame === undefined) return 'nothing';
  const text = quote(frame.payload.toString('utf8'), 80);
  return `length ${frame.length}, ${text}${frame.complete ? '' : ` (only ${frame.payload.length} bytes of it came)`}`;
}

/** A sentence on the first frame that differs, with the likely cause. */
function frameDifference(expected: Buffer, actual: Buffer): { sentence: string; hint?: string } | undefined {
  const wanted = decodeFrames(expected);
  const got = decodeFrames(actual);
  for (let index = 0; index < Math.max(wanted.length, got.length); index++) {
    const w = wanted[index];
    const g = got[index];
    if (w !== undefined && g !== undefined && w.length === g.length && w.payload.equals(g.payload)) continue;
    const sentence = `Decoded as frames: expected frame ${index}: ${describeFrame(w)}; yours: ${describeFrame(g)}.`;
    if (w !== undefined && g !== undefined && w.length !== g.length && g.length === w.payload.toString('utf8').length) {
      return { sentence, hint: 'The length counts bytes (Buffer.byteLength), not characters (string.length): "ñ" is 2 bytes, "🐍" is 4.' };
    }
    return { sentence };
  }
  return undefined;
}

const schema = {
  properties: {
    stream: streamSchema,
    base64: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$', description: 'The expected bytes, base64-encoded (use one of base64 and hex).' },
    hex: { type: 'string', pattern: '^[0-9a-fA-F\\s]*$', description: 'The expected bytes in hex, spaces allowed (use one of base64 and hex).' },
    frames: { enum: ['u32be'], description: 'Also explain a difference as frames of a 4-byte big-endian length and a payload.' },
  },
} as const satisfies KindSchema;

/** Configuration of a `bytes` check: what its schema accepts. */
export type BytesConfig = ConfigOf<typeof schema>;

/** Passes when the stream's raw bytes equal the expected bytes. */
export const bytesCheck: CheckKind<typeof schema> = {
  name: 'bytes',
  description: 'The raw bytes of the output equal these bytes (no normalisation of line ends or spaces): for binary output.',
  schema,
  // Exactly one of base64 and hex, and (output being kept as UTF-8) bytes that are valid UTF-8.
  validate({ base64, hex }) {
    if ((base64 === undefined) === (hex === undefined)) return [{ message: 'a bytes check takes exactly one of base64 and hex' }];
    const bytes = typeof base64 === 'string' ? Buffer.from(base64, 'base64') : Buffer.from(String(hex).replace(/\s+/g, ''), 'hex');
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return [{ path: [base64 !== undefined ? 'base64' : 'hex'], message: 'the expected bytes must be valid UTF-8 (the grader keeps output as UTF-8 text)' }];
    }
    return [];
  },
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const expected = expectedBytes(config);
    const text = run[stream];
    const actual = Buffer.from(text, 'utf8');
    if (actual.equals(expected)) return { passed: true, message: `The ${expected.length} bytes of ${streamName(run, stream)} are exactly as expected.` };
    let offset = 0;
    while (offset < expected.length && offset < actual.length && expected[offset] === actual[offset]) offset++;
    const who = programName(run);
    const sentences = [
      actual.length === 0
        ? `${capitalise(who)} wrote nothing on ${stream}; ${expected.length} bytes were expected.`
        : `The bytes of ${streamName(run, stream)} differ from the expected ones at offset ${offset} (of ${expected.length} expected, ${actual.length} came).`,
    ];
    if (text.includes('\uFFFD') && !expected.toString('utf8').includes('\uFFFD')) {
      sentences.push(
        'It holds U+FFFD (ef bf bd), the replacement character: a character was cut between reads and garbled (or bytes that are not UTF-8 were written).',
      );
    }
    let hint: string | undefined;
    if (config.frames === 'u32be') {
      const frames = frameDifference(expected, actual);
      if (frames !== undefined) {
        sentences.push(frames.sentence);
        hint = frames.hint;
      }
    }
    const from = Math.max(0, offset - 16);
    const to = offset + 32;
    const outcome: CheckOutcome = { passed: false, message: sentences.join(' ') };
    outcome.diff = `expected (from offset ${from - (from % 16)}):\n${hexDump(expected, from, to) || '(no bytes)'}\nyours:\n${hexDump(actual, from, to) || '(no bytes)'}`;
    if (hint !== undefined) outcome.hint = hint;
    return outcome;
  },
};
