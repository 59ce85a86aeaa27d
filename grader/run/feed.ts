// Framing fuzz (`feed`): the same bytes fed to a program's standard input split in several
// ways. This file plans the splits (seeded, so a failure can be replayed) and feeds one plan
// into a running program; run-test.ts runs the program once per plan.
import type { FeedSpec } from '../spec/types.js';
import type { RunningProgram } from './run-program.js';
import type { SplitPlan } from './types.js';
import { sleep } from '../util/time.js';

export type { SplitKind, SplitPlan } from './types.js';
export { describePieces } from './pieces.js';

/** Wait before the first byte, so that the reader is up (a reader fed before it starts sees one chunk). */
export const DEFAULT_START_DELAY_MS = 300;
/** Pause between pieces of the `paused` split. */
export const DEFAULT_PAUSE_MS = 20;
/** How many `random` splits a feed runs unless it says. */
export const DEFAULT_RANDOM_RUNS = 3;
/** Gap between the pieces of `bytewise` and `random`: long enough for the reader to take each piece apart. */
export const PIECE_GAP_MS = 1;
/** Most pieces of a `random` or `paused` split (long inputs get longer pieces). */
const MAX_PIECES = 200;

/** How many times a feed runs the program: once per split kind, `randomRuns` times for `random`. */
export function feedRunCount(feed: Pick<FeedSpec, 'splits' | 'randomRuns'>): number {
  return [...new Set(feed.splits)].reduce((runs, kind) => runs + (kind === 'random' ? (feed.randomRuns ?? DEFAULT_RANDOM_RUNS) : 1), 0);
}

/** The bytes a feed gives, from its text, base64 or parts. */
export function feedBytes(feed: FeedSpec): Buffer {
  if (feed.text !== undefined) return Buffer.from(feed.text, 'utf8');
  if (feed.base64 !== undefined) return Buffer.from(feed.base64, 'base64');
  const parts = (feed.parts ?? []).map((part) => {
    const piece = part.text !== undefined ? Buffer.from(part.text, 'utf8') : Buffer.from(part.base64 ?? '', 'base64');
    return part.repeat === undefined || part.repeat === 1 ? piece : Buffer.concat(Array<Buffer>(part.repeat).fill(piece));
  });
  return Buffer.concat(parts);
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `length` bytes at `cuts` distinct random positions (fewer when the input is short). */
function randomPieces(length: number, cuts: number, random: () => number): number[] {
  if (length <= 1) return length === 0 ? [] : [length];
  const positions = new Set<number>();
  const wanted = Math.min(cuts, length - 1);
  while (positions.size < wanted) positions.add(1 + Math.floor(random() * (length - 1)));
  const sorted = [...positions].sort((a, b) => a - b);
  const pieces: number[] = [];
  let previous = 0;
  for (const position of [...sorted, length]) {
    pieces.push(position - previous);
    previous = position;
  }
  return pieces;
}

/** Pieces of 1 to `max` bytes, at random. */
function smallPieces(length: number, max: number, random: () => number): number[] {
  const pieces: number[] = [];
  let left = length;
  while (left > 0) {
    const size = Math.min(left, 1 + Math.floor(random() * max));
    pieces.push(size);
    left -= size;
  }
  return pieces;
}

/** Mixes the test's seed with the number of the run, so that each random split differs. */
function runSeed(seed: number, run: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(run + 1, 0xc2b2ae35)) >>> 0;
}

/** The splits of a feed, in order: whole, bytewise, random ×randomRuns, paused (as the spec lists them). */
export function planSplits(feed: FeedSpec, length: number, seed: number): SplitPlan[] {
  const plans: SplitPlan[] = [];
  const kinds = [...new Set(feed.splits)];
  for (const kind of kinds) {
    switch (kind) {
      case 'whole':
        plans.push({ kind, label: 'whole (all the bytes in one write)', pieces: length === 0 ? [] : [length], gapMs: 0 });
        break;
      case 'bytewise':
        plans.push({ kind, label: 'bytewise (one byte at a time)', pieces: Array<number>(length).fill(1), gapMs: PIECE_GAP_MS });
        break;
      case 'random': {
        const runs = feed.randomRuns ?? DEFAULT_RANDOM_RUNS;
        for (let run = 0; run < runs; run++) {
          const random = seededRandom(runSeed(seed, run));
          const cuts = 1 + Math.floor(random() * Math.min(MAX_PIECES - 1, Math.max(1, Math.ceil(length / 2))));
          plans.push({
            kind,
            label: `random #${run + 1} (seed ${seed})`,
            seed,
            pieces: randomPieces(length, cuts, random),
            gapMs: PIECE_GAP_MS,
          });
        }
        break;
      }
      case 'paused': {
        const pauseMs = feed.pauseMs ?? DEFAULT_PAUSE_MS;
        const random = seededRandom(runSeed(seed, 1000));
        const max = Math.max(8, Math.ceil((2 * length) / MAX_PIECES));
        plans.push({ kind, label: `paused (${pauseMs} ms between pieces, seed ${seed})`, seed, pieces: smallPieces(length, max, random), gapMs: pauseMs });
        break;
      }
    }
  }
  return plans;
}

/**
 * Feeds `bytes` into the running program as the plan says, after `startDelayMs`, then closes
 * its standard input. Stops early when the program has ended. Never rejects.
 */
export async function feedInto(running: RunningProgram, bytes: Uint8Array, plan: SplitPlan, startDelayMs: number): Promise<void> {
  let ended = false;
  void running.mainEnded.then(() => (ended = true));
  await sleep(startDelayMs);
  let offset = 0;
  for (let index = 0; index < plan.pieces.length && !ended; index++) {
    const size = plan.pieces[index] ?? 0;
    await running.write(bytes.subarray(offset, offset + size));
    offset += size;
    if (plan.gapMs > 0 && index < plan.pieces.length - 1) await sleep(plan.gapMs);
  }
  running.closeStdin();
}
