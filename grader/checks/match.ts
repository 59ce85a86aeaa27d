// `match`: a regular expression matches somewhere in the stream (or, negated, nowhere).

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { quote } from './display.js';
import { compileRegExp, lineLabel, printedNothing, streamName, streamSchema, streamText } from './streams.js';

/** The JSON-Schema fragment of a regex `flags` field. */
export const flagsSchema = {
  type: 'string',
  pattern: '^[dimsuv]*$',
  description: 'JavaScript regular-expression flags, e.g. "i" (ignore case) or "m" (^ and $ match at every line).',
} as const;

/** Index (0-based) of the line holding the character at `offset`. */
export function lineIndexAt(text: string, offset: number): number {
  let count = 0;
  for (let position = text.indexOf('\n'); position !== -1 && position < offset; position = text.indexOf('\n', position + 1)) count++;
  return count;
}

const schema = {
  properties: {
    stream: streamSchema,
    pattern: {
      type: 'string',
      description: 'A JavaScript regular expression, searched in the whole (normalised) stream; quote it in single quotes in YAML so backslashes stay.',
    },
    flags: flagsSchema,
    negate: { type: 'boolean', default: false, description: 'Pass when the pattern matches nowhere instead.' },
  },
  required: ['pattern'],
} as const satisfies KindSchema;

/** Configuration of a `match` check: what its schema accepts. */
export type MatchConfig = ConfigOf<typeof schema>;

/** Passes when the pattern matches the stream somewhere (with `negate`: nowhere). */
export const matchCheck: CheckKind<typeof schema> = {
  name: 'match',
  description: 'A regular expression matches somewhere in the output (or, with negate, nowhere).',
  schema,
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const regExp = compileRegExp('pattern', config.pattern, (config.flags ?? '').replace(/[gy]/g, ''));
    const text = streamText(run, stream);
    const found = regExp.exec(text);
    const shown = `/${config.pattern}/${config.flags ?? ''}`;
    if (config.negate === true) {
      if (found === null) return { passed: true, message: `Nothing in ${streamName(run, stream)} matches ${shown}, as expected.` };
      const index = lineIndexAt(text, found.index);
      const line = text.split('\n')[index] ?? '';
      return {
        passed: false,
        message: `Nothing in ${streamName(run, stream)} should match ${shown}, but ${lineLabel(run, stream, index).toLowerCase()} does: ${quote(line)}.`,
      };
    }
    if (found !== null) return { passed: true, message: `${streamName(run, stream)} matches ${shown}.` };
    if (text === '') return { passed: false, message: `${printedNothing(run, stream)} It should print something matching ${shown}.` };
    return { passed: false, message: `Nothing in ${streamName(run, stream)} matches ${shown}; it begins with ${quote(text.split('\n')[0] ?? '')}.` };
  },
};
