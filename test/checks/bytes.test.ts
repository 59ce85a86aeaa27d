import { describe, expect, it } from 'vitest';
import { bytesCheck, decodeFrames, hexDump } from '../../grader/checks/bytes.js';
import { makeContext, makeRun } from './helpers.js';

function frame(text: string, length = Buffer.byteLength(text)): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(length);
  return Buffer.concat([header, Buffer.from(text)]);
}
const output = (bytes: Buffer) => makeContext(makeRun({ stdout: bytes.toString('utf8') }));

describe('bytes', () => {
  it('compares raw bytes, without normalisation', () => {
    const expected = frame('two\r');
    expect(bytesCheck.run({ base64: expected.toString('base64') }, output(expected)).passed).toBe(true);
    expect(bytesCheck.run({ hex: '61 0d 0a' }, output(Buffer.from('a\r\n'))).passed).toBe(true);
    expect(bytesCheck.run({ hex: '61' }, output(Buffer.from('a\n'))).passed).toBe(false);
    expect(bytesCheck.run({ base64: '' }, output(Buffer.alloc(0))).passed).toBe(true);
  });

  it('gives the offset, a hex dump, and with frames the length that differs', () => {
    const expected = Buffer.concat([frame('hello'), frame('ñandú 🐍 €')]);
    const actual = Buffer.concat([frame('hello'), frame('ñandú 🐍 €', 'ñandú 🐍 €'.length)]);
    const outcome = bytesCheck.run({ base64: expected.toString('base64'), frames: 'u32be' }, output(actual));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'The bytes of stdout differ from the expected ones at offset 12 (of 29 expected, 29 came). Decoded as frames: expected frame 1: length 16, `ñandú 🐍 €`; yours: length 10, `ñandú �`.',
    );
    expect(outcome.hint).toMatch(/Buffer\.byteLength/);
    expect(outcome.diff).toContain('00000000: 0000 0005 6865 6c6c 6f00 0000 10c3 b161  ....hello......a');
  });

  it('says when the output holds replacement characters', () => {
    expect(bytesCheck.run({ hex: 'c3b1' }, output(Buffer.from([0xc3]))).message).toMatch(/U\+FFFD/);
  });

  it('decodes frames and dumps bytes', () => {
    expect(decodeFrames(Buffer.concat([frame('a'), Buffer.from([0, 0, 0, 9, 0x62])])).map((f) => [f.length, f.payload.toString(), f.complete])).toEqual([
      [1, 'a', true],
      [9, 'b', false],
    ]);
    expect(hexDump(Buffer.from('abc'), 0, 16)).toBe(`00000000: 6162 63${' '.repeat(34)}abc`);
  });
});
