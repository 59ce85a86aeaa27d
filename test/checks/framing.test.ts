import { describe, expect, it } from 'vitest';
import { describeFraming, framingCheck, splitMessages } from '../../grader/checks/framing.js';
import { makeContext, makeRun, printing } from './helpers.js';

const config = {
  line: 'Parent {pid:main} got [{any:message}] at {ts}',
  message: 'Spam \\d{3}',
  expect: ['Spam 000', 'Spam 001', 'Spam 002'],
  count: 4,
};
const line = (message: string): string => `Parent 42 got [${message}] at 1764244800.123456`;
const run = (messages: string[]) => makeContext(printing(messages.map(line), { mainPid: 42 }));

describe('framing', () => {
  it('splits a text into whole messages and a rest', () => {
    expect(splitMessages('Spam 004Spam 000Spam 0', /Spam \d{3}/u)).toEqual({ whole: ['Spam 004', 'Spam 000'], rest: 'Spam 0' });
    expect(describeFraming('Spam 004', /Spam \d{3}/u)).toBeUndefined();
  });

  it('passes with one whole message per line, in order, cycling the list', () => {
    expect(framingCheck.run(config, run(['Spam 000', 'Spam 001', 'Spam 002', 'Spam 000'])).passed).toBe(true);
  });

  it('names two messages that arrived as one', () => {
    const outcome = framingCheck.run(config, run(['Spam 000', 'Spam 001Spam 002']));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toMatch(/^Line 2: two messages arrived as one: `Spam 001Spam 002` — the reader needs framing/);
  });

  it('counts more than two joined messages', () => {
    expect(framingCheck.run(config, run(['Spam 000Spam 001Spam 002'])).message).toMatch(/^Line 1: two or more messages arrived as one \(3 in this line\)/);
  });

  it('names a broken message', () => {
    expect(framingCheck.run(config, run(['Spam 0', '00'])).message).toMatch(/^Line 1: a message arrived broken: `Spam 0` — keep the bytes/);
  });

  it('names a line broken apart by a message that kept its line end', () => {
    const outcome = framingCheck.run(config, makeContext(makeRun({ stdout: 'Parent 42 got [Spam 000\n] at 1764244800.1\n', mainPid: 42 })));
    expect(outcome.message).toMatch(/^Line 1 `Parent 42 got \[Spam 000` is not a line like .*: a message arrived broken/);
  });

  it('reports a wrong message, too many and too few lines', () => {
    expect(framingCheck.run(config, run(['Spam 001'])).message).toBe(
      'Line 1: the message should be `Spam 000`, but it is `Spam 001` (messages out of order, lost or repeated).',
    );
    expect(framingCheck.run(config, run(['Spam 000', 'Spam 001'])).message).toMatch(
      /^There should be 4 lines on stdout, one per message, but there are 2: 2 messages never arrived/,
    );
    expect(framingCheck.run({ ...config, count: 1 }, run(['Spam 000', 'Spam 001'])).message).toMatch(/line 2 `.*` is one too many\.$/);
  });

  it('reports a line of another form with the template mismatch', () => {
    const outcome = framingCheck.run(config, makeContext(printing(['Parent 7 got [Spam 000] at 1764244800.123456'], { mainPid: 42 })));
    expect(outcome.message).toMatch(/^Line 1 should look like/);
    expect(outcome.message).toMatch(/own pid/);
  });

  it('says when nothing was printed', () => {
    expect(framingCheck.run(config, makeContext(makeRun())).message).toMatch(/^Your program printed nothing on stdout\. It should print 4 lines like/);
  });
});
