// Planning the splits of a feed (pure), and feeding them to a real program.
import { describe, expect, it } from 'vitest';
import { describePieces, feedBytes, feedInto, planSplits, seededRandom } from '../../grader/run/feed.js';
import type { RunningProgram } from '../../grader/run/run-program.js';
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
  return {
    name: 'feed',
    points: 1,
    hidden: false,
    args: [],
    env: {},
    files: [],
    timeoutMs: 8000,
    trials: 1,
    observe: false,
    exclusive: false,
    processes: [],
    checks: [],
    ...overrides,
  };
}

/** A running program that records what the feed does to it, in order. */
function recordingProgram(events: string[], ended: Promise<void> = new Promise(() => undefined)): RunningProgram {
  return {
    write: (bytes: string | Uint8Array) => {
      events.push(`write ${Buffer.from(bytes).toString('hex')}`);
      return Promise.resolve();
    },
    closeStdin: () => void events.push('close'),
    mainEnded: ended,
  } as Partial<RunningProgram> as RunningProgram;
}

describe('feeding a program', () => {
  it('writes each piece of the plan in a write of its own, in order, then closes standard input', async () => {
    const bytes = Buffer.from('abcd');
    for (const plan of planSplits({ text: '', splits: ['bytewise', 'whole', 'random'], randomRuns: 1 }, bytes.length, 5)) {
      const events: string[] = [];
      await feedInto(recordingProgram(events), bytes, plan, 0);
      let offset = 0;
      const expected = plan.pieces.map((size) => `write ${bytes.subarray(offset, (offset += size)).toString('hex')}`);
      expect(events).toEqual([...expected, 'close']);
    }
  });

  it('stops writing once the program has ended, and still closes standard input', async () => {
    const events: string[] = [];
    const [plan] = planSplits({ text: '', splits: ['bytewise'] }, 4, 1);
    await feedInto(recordingProgram(events, Promise.resolve()), Buffer.from('abcd'), plan!, 5);
    expect(events).toEqual(['close']);
  });

  it('runs it once per split, the same bytes each time, the whole input in one read', async () => {
    const bytes = Buffer.from('ñandú 🐍 €\n');
    const result = await runTest(
      spec({ args: [nonce()], feed: { base64: bytes.toString('base64'), splits: ['whole', 'bytewise', 'random'], randomRuns: 1, startDelayMs: 200 } }),
      fixtureProgram('chunks.mjs'),
      { seed: 99 },
    );
    expect(result.splits?.map((s) => s.plan.kind)).toEqual(['whole', 'bytewise', 'random']);
    const reads = result.splits?.map((s) => /^reads (\d+) bytes ([0-9a-f]+)$/m.exec(s.runs.main?.stdout ?? '')) ?? [];
    for (const found of reads) expect(found?.[2]).toBe(bytes.toString('hex'));
    // One write of a few bytes is one read. How many reads the bytewise split's one-byte writes
    // make depends on how often the program is scheduled (on a loaded machine bytes pile up in the
    // pipe): the writes themselves are counted above, with a recording program.
    expect(Number(reads[0]?.[1])).toBe(1);
    expect(result.runs).toBe(result.splits?.[0]?.runs);
  });
});
