// Planning the splits of a feed (pure), and feeding them to a real program.
import { describe, expect, it } from 'vitest';
import { describePieces, feedBytes, planSplits, seededRandom } from '../../grader/run/feed.js';
import { runTest } from '../../grader/run/run-test.js';
import type { TestSpec } from '../../grader/spec/types.js';
import { fixtureProgram, nonce } from './helpers.js';

const sum = (pieces: number[]): number => pieces.reduce((a, b) => a + b, 0);

describe('planning splits', () => {
  it('gives the bytes of text, base64 and parts', () => {
    expect(feedBytes({ text: 'é', splits: ['whole'] })).toEqual(Buffer.from([0xc3, 0xa9]));
    expect(feedBytes({ base64: 'AAE=', splits: ['whole'] })).toEqual(Buffer.from([0, 1]));
    expect(feedBytes({ parts: [{ base64: 'AA==' }, { text: 'ab', repeat: 3 }], splits: ['whole'] }).toString('latin1')).toBe('\u0000ababab');
  });

  it('plans every split in the order given, each covering every byte', () => {
    const plans = planSplits({ text: '', splits: ['bytewise', 'whole', 'random', 'paused'], randomRuns: 2, pauseMs: 7 }, 94, 4242);
    expect(plans.map((p) => p.kind)).toEqual(['bytewise', 'whole', 'random', 'random', 'paused']);
    for (const plan of plans) expect(sum(plan.pieces)).toBe(94);
    expect(plans[0]?.pieces).toEqual(Array(94).fill(1));
    expect(plans[1]?.pieces).toEqual([94]);
    expect(plans[2]?.label).toBe('random #1 (seed 4242)');
    expect(plans[2]?.pieces).not.toEqual(plans[3]?.pieces);
    expect(plans[4]).toMatchObject({ gapMs: 7 });
    expect(Math.max(...(plans[4]?.pieces ?? []))).toBeLessThanOrEqual(8);
  });

  it('is the same for the same seed, and different for another', () => {
    const plan = (seed: number) => planSplits({ text: '', splits: ['random', 'paused'] }, 1000, seed).map((p) => p.pieces);
    expect(plan(7)).toEqual(plan(7));
    expect(plan(7)).not.toEqual(plan(8));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('keeps long inputs to at most 200 pieces (but bytewise)', () => {
    for (const plan of planSplits({ text: '', splits: ['random', 'paused'] }, 70_004, 1)) expect(plan.pieces.length).toBeLessThanOrEqual(201);
    expect(planSplits({ text: '', splits: ['whole'] }, 0, 1)[0]?.pieces).toEqual([]);
  });

  it('describes pieces shortly', () => {
    expect(describePieces([1, 1, 1])).toBe('3 pieces of 1 byte');
    expect(describePieces([2, 4])).toBe('2 pieces of 2, 4 bytes');
  });
});

function spec(overrides: Partial<TestSpec>): TestSpec {
  return { name: 'feed', points: 1, hidden: false, args: [], env: {}, files: [], timeoutMs: 8000, trials: 1, observe: false, exclusive: false, processes: [], checks: [], ...overrides };
}

describe('feeding a program', () => {
  it('runs it once per split, the same bytes each time, in as many reads as the split has pieces', async () => {
    const bytes = Buffer.from('ñandú 🐍 €\n');
    const result = await runTest(
      spec({ args: [nonce()], feed: { base64: bytes.toString('base64'), splits: ['whole', 'bytewise', 'random'], randomRuns: 1, startDelayMs: 200 } }),
      fixtureProgram('chunks.mjs'),
      { seed: 99 },
    );
    expect(result.splits?.map((s) => s.plan.kind)).toEqual(['whole', 'bytewise', 'random']);
    const reads = result.splits?.map((s) => /^reads (\d+) bytes ([0-9a-f]+)$/m.exec(s.runs.main?.stdout ?? '')) ?? [];
    for (const found of reads) expect(found?.[2]).toBe(bytes.toString('hex'));
    expect(Number(reads[0]?.[1])).toBe(1);
    // One byte per millisecond: most bytes arrive in reads of their own, even on a busy machine.
    expect(Number(reads[1]?.[1])).toBeGreaterThan(bytes.length / 3);
    expect(result.runs).toBe(result.splits?.[0]?.runs);
  });
});
