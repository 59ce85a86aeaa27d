import { describe, expect, it } from 'vitest';
import { sameAcrossSplitsCheck } from '../../grader/checks/same-across-splits.js';
import type { SplitRun } from '../../grader/run/splits.js';
import type { ProgramRun } from '../../grader/run/types.js';
import { makeContext, makeRun } from './helpers.js';

function split(kind: SplitRun['plan']['kind'], label: string, pieces: number[], run: Partial<ProgramRun>): SplitRun {
  return { plan: { kind, label, pieces, gapMs: 0 }, runs: { main: makeRun(run) }, workTree: {} };
}
function context(splits: SplitRun[]) {
  return makeContext(splits[0]!.runs.main, { splits });
}
const whole = split('whole', 'whole (all the bytes in one write)', [6], { stdout: 'frame 0: "a"\nframe 1: "ñandú"\ntotal 2\n' });

describe('same-across-splits', () => {
  it('passes when every split printed and ended alike', () => {
    expect(
      sameAcrossSplitsCheck.run({}, context([whole, split('bytewise', 'bytewise (one byte at a time)', [1, 1, 1, 1, 1, 1], whole.runs.main!)])).passed,
    ).toBe(true);
  });

  it('names the split, the line, and the character advice for U+FFFD', () => {
    const garbled = split('bytewise', 'bytewise (one byte at a time)', [1, 1, 1, 1, 1, 1], { stdout: 'frame 0: "a"\nframe 1: "\uFFFDand\uFFFD"\ntotal 2\n' });
    const outcome = sameAcrossSplitsCheck.run({}, context([whole, garbled]));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'Under split bytewise (one byte at a time), fed as 6 pieces of 1 byte, your stdout differs from the one for split whole at line 2: whole gave `frame 1: "ñandú"`, bytewise gave `frame 1: "\uFFFDand\uFFFD"`.',
    );
    expect(outcome.hint).toMatch(/streaming decoder/);
  });

  it('names a different exit status, and compares only the parts asked for', () => {
    const failing = split('random', 'random #1 (seed 7)', [2, 4], { stdout: whole.runs.main!.stdout, exitCode: 2 });
    expect(sameAcrossSplitsCheck.run({}, context([whole, failing])).message).toBe(
      'Under split random #1 (seed 7), fed as 2 pieces of 2, 4 bytes, your program exited with status 2; under split whole it exited with status 0.',
    );
    expect(sameAcrossSplitsCheck.run({ streams: ['stdout'] }, context([whole, failing])).passed).toBe(true);
  });

  it('shows binary output as bytes', () => {
    const a = split('whole', 'whole', [1], { stdout: '\u0000\u0000\u0000\u0001a' });
    const b = split('bytewise', 'bytewise', [1], { stdout: '\u0000\u0000\u0000\u0002ab' });
    expect(sameAcrossSplitsCheck.run({}, context([a, b])).message).toMatch(/at byte 3 \(5 bytes against 6\)/);
  });

  it('breaks without splits (a test without a feed)', () => {
    expect(() => sameAcrossSplitsCheck.run({}, makeContext())).toThrow(/needs a test with a feed/);
  });
});
