import { describe, expect, it } from 'vitest';
import { normaliseText, splitLines } from '../../grader/checks/normalise.js';

describe('normaliseText', () => {
  it('turns CRLF into LF', () => {
    expect(normaliseText('a\r\nb\r\n')).toBe('a\nb');
  });
  it('drops trailing spaces and tabs of every line, but not leading ones', () => {
    expect(normaliseText('  a \t\n\tb  \nc')).toBe('  a\n\tb\nc');
  });
  it('drops trailing empty lines, also when they held only spaces', () => {
    expect(normaliseText('a\n\n  \n\t\n')).toBe('a');
  });
  it('keeps empty lines in the middle and a lone carriage return', () => {
    expect(normaliseText('a\n\nb\rc\n')).toBe('a\n\nb\rc');
  });
  it('makes blank output empty', () => {
    expect(normaliseText('\n \n')).toBe('');
  });
});

describe('splitLines', () => {
  it('splits normalised text into lines', () => {
    expect(splitLines('one\r\ntwo  \n\n')).toEqual(['one', 'two']);
  });
  it('gives no lines for no output', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\n')).toEqual([]);
  });
  it('keeps a last line without newline', () => {
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
  });
});
