// `output`: the whole stream equals a text (after normalisation).

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { firstDifferentLine, unifiedDiff } from './diff.js';
import { quote } from './display.js';
import { normaliseText } from './normalise.js';
import { printedNothing, streamName, streamSchema, streamText, truncationNote } from './streams.js';

/** A message on where two normalised texts first differ, e.g. "line 2 differs: expected `a`, got `b`". */
export function describeTextDifference(expected: string, actual: string): string {
  const expectedLines = expected === '' ? [] : expected.split('\n');
  const actualLines = actual === '' ? [] : actual.split('\n');
  const index = firstDifferentLine(expectedLines, actualLines);
  const wanted = expectedLines[index];
  const got = actualLines[index];
  if (got === undefined) return `it ended after ${index} line${index === 1 ? '' : 's'}; line ${index + 1} should be ${quote(wanted ?? '')}`;
  if (wanted === undefined && index === 0) return `it should be empty, but it begins with ${quote(got)}`;
  if (wanted === undefined) return `line ${index + 1} ${quote(got)} should not be there: the output should end after line ${index}`;
  return `line ${index + 1} should be ${quote(wanted)}, but it was ${quote(got)}${nearlyEqual(wanted, got)}`;
}

// A note on differences a student cannot see easily.
function nearlyEqual(wanted: string, got: string): string {
  const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();
  if (squeeze(wanted) === squeeze(got)) return ' (they differ only in spaces or tabs)';
  if (wanted.toLowerCase() === got.toLowerCase()) return ' (they differ only in upper/lower case)';
  return '';
}

const schema = {
  properties: {
    stream: streamSchema,
    equals: {
      type: 'string',
      description: 'The exact expected text. Trailing spaces of each line and trailing empty lines are ignored; use a block scalar (|) for several lines.',
    },
  },
  required: ['equals'],
} as const satisfies KindSchema;

/** Configuration of an `output` check: what its schema accepts. */
export type OutputConfig = ConfigOf<typeof schema>;

/** Passes when the stream, normalised, equals the expected text, normalised. */
export const outputCheck: CheckKind<typeof schema> = {
  name: 'output',
  description: 'The whole output stream equals this text (after normalising line ends and trailing spaces).',
  schema,
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const expected = normaliseText(config.equals);
    const actual = streamText(run, stream);
    if (actual === expected) return { passed: true, message: `${streamName(run, stream)} is exactly as expected.` };
    const diff = unifiedDiff(expected, actual);
    const outcome: CheckOutcome = {
      passed: false,
      message:
        actual === ''
          ? `${printedNothing(run, stream)} It should print ${quote(expected)}.`
          : `The ${streamName(run, stream)} is not what was expected: ${describeTextDifference(expected, actual)}.${truncationNote(run)}`,
    };
    if (diff !== undefined && actual !== '') outcome.diff = diff;
    return outcome;
  },
};
