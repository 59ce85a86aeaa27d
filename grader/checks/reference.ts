// `reference`: the stream equals the reference solution's on the same test, after masking
// the parts that legitimately differ (pids, times).

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { unifiedDiff } from './diff.js';
import { quote } from './display.js';
import { normaliseText } from './normalise.js';
import { describeTextDifference } from './output.js';
import { compileRegExp, printedNothing, streamName, streamSchema, streamText, truncationNote } from './streams.js';

/** Applies the mask rules (every match replaced) to a normalised text, and normalises again. */
export function applyMask(text: string, mask: readonly MaskRule[]): string {
  let masked = text;
  for (const [index, rule] of mask.entries()) {
    const flags = `g${(rule.flags ?? '').replace(/[gy]/g, '')}`;
    masked = masked.replace(compileRegExp(`mask[${index}].pattern`, rule.pattern, flags), rule.replace);
  }
  return normaliseText(masked);
}

const schema = {
  properties: {
    stream: streamSchema,
    mask: {
      type: 'array',
      description: 'Replacements applied to both outputs before comparing, e.g. pids or timestamps.',
      items: {
        type: 'object',
        properties: {
          pattern: { type: 'string', description: 'A JavaScript regular expression; every match is replaced.' },
          replace: { type: 'string', description: 'The replacement text ($1 etc. refer to groups), e.g. "<pid>".' },
          flags: { type: 'string', pattern: '^[imsuv]*$', description: 'Extra regular-expression flags (g is implied).' },
        },
        required: ['pattern', 'replace'],
        additionalProperties: false,
      },
    },
    unordered: {
      type: 'boolean',
      default: false,
      description: 'Compare the lines in any order (sorted on both sides after masking), for output whose order varies between runs.',
    },
  },
} as const satisfies KindSchema;

/** Configuration of a `reference` check: what its schema accepts. */
export type ReferenceConfig = ConfigOf<typeof schema>;
/** One replacement applied to both outputs before comparing. */
export type MaskRule = NonNullable<ReferenceConfig['mask']>[number];

/** Passes when the stream equals the reference solution's, both masked. */
export const referenceCheck: CheckKind<typeof schema> = {
  name: 'reference',
  description: "The output equals the reference solution's output on the same test (after masking what may differ).",
  schema,
  needs: { reference: true },
  promisesGraded: ({ unordered }) => (unordered === true ? [{ promise: 'in any order' }] : []),
  run(config, context): CheckOutcome {
    const { run } = context;
    const stream = config.stream ?? 'stdout';
    const process = config.process ?? 'main';
    const reference = context.reference?.[process];
    if (reference === undefined) {
      return {
        passed: false,
        message: `The reference run is missing (process \`${process}\`), so ${streamName(run, stream)} could not be compared with it; this is a grader problem, not yours.`,
      };
    }
    const mask = config.mask ?? [];
    const inOrder = (text: string): string => (config.unordered ? text.split('\n').sort().join('\n') : text);
    const expected = inOrder(applyMask(streamText(reference, stream), mask));
    const actual = inOrder(applyMask(streamText(run, stream), mask));
    if (expected === actual) return { passed: true, message: `${streamName(run, stream)} is the same as the reference solution's.` };
    if (actual === '') return { passed: false, message: `${printedNothing(run, stream)} The reference solution prints ${quote(expected)}.` };
    const sorted = config.unordered ? ' (lines sorted, as their order may vary)' : '';
    const outcome: CheckOutcome = {
      passed: false,
      message: `The ${streamName(run, stream)} differs from the reference solution's${sorted}: ${describeTextDifference(expected, actual)}.${truncationNote(run)}`,
    };
    const diff = unifiedDiff(expected, actual);
    if (diff !== undefined) outcome.diff = diff;
    return outcome;
  },
};
