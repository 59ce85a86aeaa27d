// `number`: a number read from the output (possibly from several parts, e.g. seconds and
// microseconds) lies within bounds.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import type { ProgramRun } from '../run/types.js';
import { quote } from './display.js';
import { flagsSchema, lineIndexAt } from './match.js';
import { CheckConfigError, compileRegExp, printedNothing, streamName, streamSchema, streamText } from './streams.js';

/** Slack allowed for `atMostElapsed` over the grader's measured time, in seconds (clock granularity). */
export const ELAPSED_SLACK_S = 0.02;

const MICROSECOND = 1e-6;

/** A number as it should read in a message: no float noise like 0.30000000000000004. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

// Comparisons allow for float rounding in the scaled sum (250000 * 1e-6 is not exactly 0.25).
function epsilon(bound: number): number {
  return 1e-9 * Math.max(1, Math.abs(bound));
}

interface Bounds {
  equals?: number;
  tolerance?: number;
  min?: number;
  max?: number;
  /** The run's elapsed seconds plus slack, when `atMostElapsed`. */
  elapsedS?: number;
}

/** Why `value` is out of bounds (the phrase after "but it should be"), or undefined if it is within. */
export function boundProblem(value: number, bounds: Bounds): string | undefined {
  const { equals, tolerance = 0, min, max, elapsedS } = bounds;
  if (equals !== undefined && Math.abs(value - equals) > tolerance + epsilon(equals)) {
    return tolerance > 0 ? `${formatNumber(equals)} ± ${formatNumber(tolerance)}` : formatNumber(equals);
  }
  if (min !== undefined && value < min - epsilon(min)) return `at least ${formatNumber(min)}`;
  if (max !== undefined && value > max + epsilon(max)) return `at most ${formatNumber(max)}`;
  if (elapsedS !== undefined && value > elapsedS + epsilon(elapsedS))
    return `no more than the ${formatNumber(elapsedS - ELAPSED_SLACK_S)} seconds your program really ran`;
  return undefined;
}

function boundsOf(config: NumberConfig, run: ProgramRun): Bounds {
  const bounds: Bounds = {};
  if (config.equals !== undefined) bounds.equals = config.equals;
  if (config.tolerance !== undefined) bounds.tolerance = config.tolerance;
  if (config.min !== undefined) bounds.min = config.min;
  if (config.max !== undefined) bounds.max = config.max;
  if (config.atMostElapsed === true) bounds.elapsedS = run.elapsedMs / 1000 + ELAPSED_SLACK_S;
  return bounds;
}

// Likely causes for a number out of bounds, when one part is in microseconds.
function diagnose(parts: readonly number[], scale: readonly number[], bounds: Bounds, problem: string): string | undefined {
  const micro = scale.findIndex((weight) => Math.abs(weight - MICROSECOND) < 1e-12);
  const microValue = parts[micro];
  if (micro >= 0 && microValue !== undefined) {
    if (microValue > 999_999) return `the microseconds part (${microValue}) is more than 999999: carry whole seconds into the seconds part.`;
    const asIfMillis = parts.reduce((sum, part, index) => sum + part * (scale[index] ?? 1) * (index === micro ? 1000 : 1), 0);
    if (microValue > 0 && boundProblem(asIfMillis, bounds) === undefined) {
      return 'the microseconds look like milliseconds: a second has 1000000 microseconds, so multiply milliseconds by 1000.';
    }
  }
  if (problem.startsWith('no more than')) return 'print the time you measured, not the time you asked for, and make sure the program really waits.';
  return undefined;
}

const schema = {
  properties: {
    stream: streamSchema,
    pattern: {
      type: 'string',
      description:
        "A JavaScript regular expression whose capture groups read the number (its first match counts), e.g. 'Seconds: (\\d+) Microseconds: (\\d+)'. Without groups, the whole match is the number.",
    },
    flags: flagsSchema,
    scale: {
      type: 'array',
      items: { type: 'number' },
      minItems: 1,
      description: 'Weight of each capture group; the number is the weighted sum (default 1 each), e.g. [1, 0.000001] for seconds and microseconds.',
    },
    equals: { type: 'number', description: 'The number must equal this (within tolerance).' },
    tolerance: { type: 'number', minimum: 0, default: 0, description: 'Allowed difference from equals (default 0).' },
    min: { type: 'number', description: 'The number must be at least this.' },
    max: { type: 'number', description: 'The number must be at most this.' },
    atMostElapsed: {
      type: 'boolean',
      description:
        "The number, in seconds, must not exceed the program's wall time as the grader measured it (catches reporting a time that was not really waited).",
    },
  },
  required: ['pattern'],
} as const satisfies KindSchema;

/** Configuration of a `number` check: what its schema accepts. */
export type NumberConfig = ConfigOf<typeof schema>;

/** Passes when the number read by the pattern (its groups weighted by `scale`, summed) is within bounds. */
export const numberCheck: CheckKind<typeof schema> = {
  name: 'number',
  description: 'A number read from the output with a regular expression lies within bounds.',
  schema,
  // A least value or one bounded by the wall time: a time the program really waited.
  promisesGraded: ({ min, atMostElapsed }) => (min !== undefined || atMostElapsed === true ? [{ promise: 'timing' }] : []),
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const text = streamText(run, stream);
    const regExp = compileRegExp('pattern', config.pattern, (config.flags ?? '').replace(/[gy]/g, ''));
    const found = regExp.exec(text);
    const shown = `/${config.pattern}/`;
    if (found === null) {
      if (text === '') return { passed: false, message: `${printedNothing(run, stream)} It should print a number matching ${shown}.` };
      return {
        passed: false,
        message: `Nothing in ${streamName(run, stream)} matches ${shown}, so no number could be read; it begins with ${quote(text.split('\n')[0] ?? '')}.`,
      };
    }
    const groups = found.length > 1 ? found.slice(1) : [found[0]];
    const scale = config.scale ?? groups.map(() => 1);
    if (scale.length !== groups.length) {
      throw new CheckConfigError(`the spec's scale has ${scale.length} weights but the pattern has ${groups.length} capture groups`);
    }
    const line = text.split('\n')[lineIndexAt(text, found.index)] ?? found[0];
    const parts = groups.map((group) => (group === undefined ? 0 : Number(group.replace(/_/g, ''))));
    const unreadable = groups.find((group, index) => group !== undefined && !Number.isFinite(parts[index]));
    if (unreadable !== undefined) return { passed: false, message: `In ${quote(line)}, ${quote(unreadable)} is not a number.` };
    const value = parts.reduce((sum, part, index) => sum + part * (scale[index] ?? 1), 0);
    const bounds = boundsOf(config, run);
    const problem = boundProblem(value, bounds);
    if (problem === undefined) return { passed: true, message: `The number in ${quote(line)}, ${formatNumber(value)}, is within bounds.` };
    const cause = diagnose(parts, scale, bounds, problem);
    return {
      passed: false,
      message: `The number in ${quote(line)} reads as ${formatNumber(value)}, but it should be ${problem}${cause === undefined ? '.' : `: ${cause}`}`,
    };
  },
};
