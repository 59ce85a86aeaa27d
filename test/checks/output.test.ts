import { describe, expect, it } from 'vitest';
import { outputCheck } from '../../grader/checks/output.js';
import { makeContext, makeRun } from './helpers.js';

describe('output', () => {
  it('passes when stdout equals the text after normalisation', () => {
    expect(outputCheck.run({ equals: 'a\nb\n' }, makeContext(makeRun({ stdout: 'a  \r\nb\n\n\n' }))).passed).toBe(true);
  });
  it('fails on a different line, saying which, with a diff', () => {
    const outcome = outputCheck.run({ equals: 'mode 640 size 6\nremoved\n' }, makeContext(makeRun({ stdout: 'mode 644 size 6\nremoved\n' })));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe('The stdout is not what was expected: line 1 should be `mode 640 size 6`, but it was `mode 644 size 6`.');
    expect(outcome.diff).toBe(['--- expected', '+++ your output', '@@ -1,2 +1,2 @@', '-mode 640 size 6', '+mode 644 size 6', ' removed'].join('\n'));
  });
  it('says when the program printed nothing', () => {
    const outcome = outputCheck.run({ equals: 'removed' }, makeContext(makeRun({ stdout: '' })));
    expect(outcome).toMatchObject({ passed: false, message: 'Your program printed nothing on stdout. It should print `removed`.' });
    expect(outcome.diff).toBeUndefined();
  });
  it('reports missing and extra lines', () => {
    expect(outputCheck.run({ equals: 'a\nb' }, makeContext(makeRun({ stdout: 'a\n' }))).message).toBe(
      'The stdout is not what was expected: it ended after 1 line; line 2 should be `b`.',
    );
    expect(outputCheck.run({ equals: 'a' }, makeContext(makeRun({ stdout: 'a\nb\n' }))).message).toBe(
      'The stdout is not what was expected: line 2 `b` should not be there: the output should end after line 1.',
    );
    expect(outputCheck.run({ equals: '' }, makeContext(makeRun({ stdout: 'oops\n' }))).message).toBe(
      'The stdout is not what was expected: it should be empty, but it begins with `oops`.',
    );
  });
  it('points out differences only in spacing or case', () => {
    expect(outputCheck.run({ equals: 'a b' }, makeContext(makeRun({ stdout: 'a  b' }))).message).toContain('(they differ only in spaces or tabs)');
    expect(outputCheck.run({ equals: 'Removed' }, makeContext(makeRun({ stdout: 'removed' }))).message).toContain('(they differ only in upper/lower case)');
  });
  it('reads stderr when asked', () => {
    const run = makeRun({ stdout: 'x', stderr: 'error: /w/a/b/data.txt exists\n' });
    expect(outputCheck.run({ stream: 'stderr', equals: 'error: /w/a/b/data.txt exists' }, makeContext(run)).passed).toBe(true);
    expect(outputCheck.run({ stream: 'stderr', equals: 'x' }, makeContext(run)).message).toContain('The stderr is not what was expected');
  });
  it('escapes control characters in the message and in the diff', () => {
    const outcome = outputCheck.run({ equals: 'ok' }, makeContext(makeRun({ stdout: '\u001b[2Jok\n' })));
    expect(outcome.message).toContain('`\\u001b[2Jok`');
    expect(outcome.message).not.toContain('\u001b');
    expect(outcome.diff).toContain('+\\u001b[2Jok');
    expect(outcome.diff).not.toContain('\u001b');
  });
});
