import { describe, expect, it } from 'vitest';
import { applyMask, referenceCheck } from '../../grader/checks/reference.js';
import { makeContext, makeRun } from './helpers.js';

const PID_MASK = [{ pattern: '\\b\\d{2,}\\b', replace: '<pid>' }];

describe('reference', () => {
  it("passes when the output equals the reference solution's", () => {
    const context = makeContext(makeRun({ stdout: 'a\nb\n' }), { reference: { main: makeRun({ stdout: 'a\r\nb  \n' }) } });
    expect(referenceCheck.run({}, context).passed).toBe(true);
  });
  it('applies the mask to both before comparing', () => {
    const context = makeContext(makeRun({ stdout: 'Child is 123\n' }), { reference: { main: makeRun({ stdout: 'Child is 456\n' }) } });
    expect(referenceCheck.run({}, context).passed).toBe(false);
    expect(referenceCheck.run({ mask: PID_MASK }, context).passed).toBe(true);
  });
  it('with unordered, compares the lines in any order but still counts them', () => {
    const reference = { main: makeRun({ stdout: 'worker 0 started\nworker 1 started\n' }) };
    const swapped = makeContext(makeRun({ stdout: 'worker 1 started\nworker 0 started\n' }), { reference });
    expect(referenceCheck.run({}, swapped).passed).toBe(false);
    expect(referenceCheck.run({ unordered: true }, swapped).passed).toBe(true);
    const twice = makeContext(makeRun({ stdout: 'worker 1 started\nworker 1 started\n' }), { reference });
    const outcome = referenceCheck.run({ unordered: true }, twice);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('(lines sorted, as their order may vary)');
  });
  it('fails on a difference, with a diff of the masked texts', () => {
    const context = makeContext(makeRun({ stdout: 'Child is 123\ntotal 2\n' }), { reference: { main: makeRun({ stdout: 'Child is 456\ntotal 3\n' }) } });
    const outcome = referenceCheck.run({ mask: PID_MASK }, context);
    expect(outcome.message).toBe("The stdout differs from the reference solution's: line 2 should be `total 3`, but it was `total 2`.");
    expect(outcome.diff).toBe(['--- expected', '+++ your output', '@@ -1,2 +1,2 @@', ' Child is <pid>', '-total 3', '+total 2'].join('\n'));
  });
  it('compares the reference run of the same process', () => {
    const writer = makeRun({ name: 'writer', stdout: 'done\n' });
    const context = makeContext(writer, { reference: { main: makeRun({ stdout: 'other' }), writer: makeRun({ name: 'writer', stdout: 'done' }) } });
    expect(referenceCheck.run({ process: 'writer' }, context).passed).toBe(true);
    expect(referenceCheck.run({}, context).passed).toBe(false);
  });
  it('fails, saying so, when there is no reference run', () => {
    const outcome = referenceCheck.run({}, makeContext(makeRun({ stdout: 'x' })));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('The reference run is missing');
  });
  it('says when the program printed nothing', () => {
    const context = makeContext(makeRun({ stdout: '' }), { reference: { main: makeRun({ stdout: 'total 0' }) } });
    expect(referenceCheck.run({}, context).message).toBe('Your program printed nothing on stdout. The reference solution prints `total 0`.');
  });
  it('applyMask replaces every match, with groups and flags', () => {
    expect(applyMask('at 1.5 and 2.25', [{ pattern: '(\\d+)\\.\\d+', replace: '$1.x' }])).toBe('at 1.x and 2.x');
    expect(applyMask('Got A and a', [{ pattern: 'a', replace: '_', flags: 'i' }])).toBe('Got _ _nd _');
  });
});
