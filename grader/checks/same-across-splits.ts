// `same-across-splits`: with a `feed`, the program ran once per split of the same input bytes
// (whole, bytewise, random, paused); its stdout (raw), stderr and exit status must not depend on
// how the bytes were split.

import type { ProgramRun } from '../run/types.js';
import type { SplitRun } from '../run/types.js';
import { describePieces } from '../run/pieces.js';
import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { quote } from './display.js';
import { hexDump } from './bytes.js';

const CHARACTER_ADVICE =
  "A read may end anywhere, even inside a character: decode only complete payloads, or use a streaming decoder (setEncoding('utf8'), or a TextDecoder with { stream: true }).";
const SPLIT_ADVICE = 'A read may end anywhere, even inside a frame or a header: keep the bytes until the whole frame is there.';
const JOIN_ADVICE = 'One read may also hold several frames: handle every complete frame in the buffer, not only the first.';

function exitOf(run: ProgramRun): string {
  if (run.signal !== null) return `was killed by ${run.signal}`;
  if (run.exitCode !== null) return `exited with status ${run.exitCode}`;
  return `did not end by itself (${run.ending})`;
}

/** Text with control characters other than line ends and tabs is shown as bytes. */
function isBinary(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
}

function shortName(split: SplitRun): string {
  return split.plan.kind === 'random' || split.plan.kind === 'paused' ? split.plan.label : split.plan.kind;
}

/** One sentence (and a hint) on how `other`'s stream differs from `base`'s. */
function describeStream(
  stream: 'stdout' | 'stderr',
  base: SplitRun,
  other: SplitRun,
  baseRun: ProgramRun,
  otherRun: ProgramRun,
): { sentence: string; hint?: string } {
  const a = baseRun[stream];
  const b = otherRun[stream];
  const where = `Under split ${other.plan.label}, fed as ${describePieces(other.plan.pieces)}, your ${stream} differs from the one for split ${shortName(base)}`;
  if (isBinary(a) || isBinary(b)) {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    let offset = 0;
    while (offset < x.length && offset < y.length && x[offset] === y[offset]) offset++;
    const sentence =
      `${where} at byte ${offset} (${x.length} bytes against ${y.length}): ${shortName(base)} gave\n${hexDump(x, offset, offset + 16) || '(nothing)'}\n` +
      `${shortName(other)} gave\n${hexDump(y, offset, offset + 16) || '(nothing)'}`;
    return b.includes('\uFFFD') && !a.includes('\uFFFD') ? { sentence, hint: CHARACTER_ADVICE } : { sentence, hint: SPLIT_ADVICE };
  }
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  let index = 0;
  while (index < linesA.length && index < linesB.length && linesA[index] === linesB[index]) index++;
  const lineA = linesA[index];
  const lineB = linesB[index];
  // Long lines are shown around the first character that differs.
  let column = 0;
  while (column < (lineA ?? '').length && column < (lineB ?? '').length && lineA?.[column] === lineB?.[column]) column++;
  const gave = (line: string | undefined, lines: string[]): string => {
    if (line === undefined || (line === '' && index === lines.length - 1)) return 'nothing more';
    if (column <= 60) return quote(line, 120);
    return `${quote(line.slice(column - 30), 80).replace(/^`/, '`…')} (from character ${column - 29})`;
  };
  const sentence = `${where} at line ${index + 1}: ${shortName(base)} gave ${gave(lineA, linesA)}, ${shortName(other)} gave ${gave(lineB, linesB)}.`;
  const differing = `${lineB ?? ''}`;
  if (differing.includes('\uFFFD') && !(lineA ?? '').includes('\uFFFD')) return { sentence, hint: CHARACTER_ADVICE };
  if (linesB.length < linesA.length) return { sentence, hint: `${SPLIT_ADVICE} ${JOIN_ADVICE}` };
  return { sentence, hint: SPLIT_ADVICE };
}

const schema = {
  properties: {
    streams: {
      type: 'array',
      items: { enum: ['stdout', 'stderr', 'exit'] },
      minItems: 1,
      uniqueItems: true,
      description: 'What must be the same across the splits (default: stdout, stderr and exit).',
    },
  },
} as const satisfies KindSchema;

/** Configuration of a `same-across-splits` check: what its schema accepts. */
export type SameAcrossSplitsConfig = ConfigOf<typeof schema>;

/** Passes when every split's run printed and ended exactly as the first split's. */
export const sameAcrossSplitsCheck: CheckKind<typeof schema> = {
  name: 'same-across-splits',
  description: 'With a feed: the output (raw stdout, stderr) and the exit status are the same for every split of the input.',
  schema,
  needs: { feed: true },
  comparesSplits: true,
  run(config, context): CheckOutcome {
    const splits = context.splits;
    if (splits === undefined || splits.length === 0) throw new Error('same-across-splits needs a test with a feed');
    const parts = config.streams ?? ['stdout', 'stderr', 'exit'];
    const processName = context.run.name;
    const base = splits[0]!;
    const baseRun = base.runs[processName];
    if (baseRun === undefined) throw new Error(`no run of process ${processName}`);
    for (const other of splits.slice(1)) {
      const otherRun = other.runs[processName];
      if (otherRun === undefined) continue;
      for (const part of parts) {
        if (part === 'exit') {
          if (exitOf(baseRun) !== exitOf(otherRun)) {
            return {
              passed: false,
              message: `Under split ${other.plan.label}, fed as ${describePieces(other.plan.pieces)}, your program ${exitOf(otherRun)}; under split ${shortName(base)} it ${exitOf(baseRun)}.`,
              hint: SPLIT_ADVICE,
            };
          }
        } else if (baseRun[part] !== otherRun[part]) {
          const { sentence, hint } = describeStream(part, base, other, baseRun, otherRun);
          const outcome: CheckOutcome = { passed: false, message: sentence };
          if (hint !== undefined) outcome.hint = hint;
          return outcome;
        }
      }
    }
    return { passed: true, message: `The output was the same for all ${splits.length} splits of the input.` };
  },
};
