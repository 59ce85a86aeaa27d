import { describe, expect, it } from 'vitest';
import { escapeForDisplay, quote } from '../../grader/checks/display.js';

describe('escapeForDisplay', () => {
  it('quotes plain text in backquotes by default', () => {
    expect(escapeForDisplay('hello world')).toBe('`hello world`');
    expect(escapeForDisplay('hello', { quote: false })).toBe('hello');
  });
  it('makes control characters visible, so output cannot drive the terminal', () => {
    expect(escapeForDisplay('a\nb\tc\rd', { quote: false })).toBe('a\\nb\\tc\\rd');
    expect(escapeForDisplay('\u001b[2J\u0007\u0000', { quote: false })).toBe('\\u001b[2J\\u0007\\u0000');
    expect(escapeForDisplay('x\u007fy\u009bz', { quote: false })).toBe('x\\u007fy\\u009bz');
  });
  it('escapes bidi controls and lone surrogates but keeps real non-ASCII text', () => {
    expect(escapeForDisplay('a\u202eb', { quote: false })).toBe('a\\u202eb');
    expect(escapeForDisplay('x\ud800y', { quote: false })).toBe('x\\ud800y');
    expect(escapeForDisplay('x\udc00y', { quote: false })).toBe('x\\udc00y');
    expect(escapeForDisplay('héllo 😀 日本', { quote: false })).toBe('héllo 😀 日本');
  });
  it('cuts long text and says how much was cut', () => {
    const shown = escapeForDisplay('x'.repeat(250));
    expect(shown).toBe(`\`${'x'.repeat(200)}\`… (50 more characters cut)`);
    expect(escapeForDisplay('abcdef', { maxChars: 4, quote: false })).toBe('abcd… (2 more characters cut)');
  });
  it('does not cut a surrogate pair in half', () => {
    const shown = escapeForDisplay(`abc😀def`, { maxChars: 4, quote: false });
    expect(shown).toBe('abc… (5 more characters cut)');
  });
  it('quote() is the quoted form', () => {
    expect(quote('a\nb')).toBe('`a\\nb`');
  });
});
