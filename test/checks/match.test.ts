import { describe, expect, it } from 'vitest';
import { matchCheck } from '../../grader/checks/match.js';
import { makeContext, makeRun } from './helpers.js';

const context = (stdout: string) => makeContext(makeRun({ stdout }));

describe('match', () => {
  it('passes when the pattern matches somewhere', () => {
    expect(matchCheck.run({ pattern: 'total \\d+' }, context('frame 0: "a"\ntotal 1\n')).passed).toBe(true);
  });
  it('honours flags', () => {
    expect(matchCheck.run({ pattern: 'TOTAL' }, context('total 1')).passed).toBe(false);
    expect(matchCheck.run({ pattern: 'TOTAL', flags: 'i' }, context('total 1')).passed).toBe(true);
    expect(matchCheck.run({ pattern: '^total 1$', flags: 'm' }, context('x\ntotal 1\ny')).passed).toBe(true);
  });
  it('fails when nothing matches, showing how the output begins', () => {
    const outcome = matchCheck.run({ pattern: 'total \\d+' }, context('frame 0: "a"\n'));
    expect(outcome).toMatchObject({ passed: false, message: 'Nothing in stdout matches /total \\d+/; it begins with `frame 0: "a"`.' });
  });
  it('says when the program printed nothing', () => {
    expect(matchCheck.run({ pattern: 'x' }, context('')).message).toBe('Your program printed nothing on stdout. It should print something matching /x/.');
  });
  it('with negate, passes when nothing matches and names the offending line otherwise', () => {
    expect(matchCheck.run({ pattern: 'Spam 004Spam', negate: true }, context('Parent 1 got [Spam 004] at 1.000\n')).passed).toBe(true);
    const outcome = matchCheck.run({ pattern: 'Spam \\d+Spam', negate: true }, context('ok\nParent 1 got [Spam 004Spam 000] at 1.000\n'));
    expect(outcome).toMatchObject({
      passed: false,
      message: 'Nothing in stdout should match /Spam \\d+Spam/, but line 2 does: `Parent 1 got [Spam 004Spam 000] at 1.000`.',
    });
  });
  it('matches the normalised text (no CR, no trailing spaces)', () => {
    expect(matchCheck.run({ pattern: 'end$' }, context('the end  \r\n')).passed).toBe(true);
  });
  it('throws a spec error on an invalid pattern (runCheck turns it into a broken-check outcome)', () => {
    expect(() => matchCheck.run({ pattern: '(' }, context('x'))).toThrow(/pattern "\(" is not a valid regular expression/);
  });
});
