// `intervals`: timestamps printed on arrival are at least as far apart as the sender's pauses
// (a program that collects everything and prints it at the end stamps every line alike).

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { formatDuration } from './elapsed.js';
import { plural, quote } from './display.js';
import { compileRegExp, streamLines, streamName, streamSchema } from './streams.js';

export const DEFAULT_SLACK_MS = 15;

function milliseconds(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : formatDuration(ms);
}

const schema = {
  properties: {
    stream: streamSchema,
    pattern: { type: 'string', description: 'A regular expression (JavaScript) whose first group is a time in seconds, e.g. " at (\\\\d+\\\\.\\\\d+)$".' },
    minGapsMs: {
      type: 'array',
      items: { type: 'number', minimum: 0 },
      minItems: 2,
      description: "Least milliseconds between the timestamp of line i-1 and line i (the sender's pause before message i); entry 0 is ignored.",
    },
    slackMs: {
      type: 'number',
      minimum: 0,
      default: DEFAULT_SLACK_MS,
      description: 'How much shorter a gap may be (timers firing early, scheduling); default 15.',
    },
    span: {
      type: 'boolean',
      default: false,
      description:
        'Compare only the span from the first to the last timestamp with the sum of the pauses (steadier on a loaded machine, where one late stamp shortens the next gap).',
    },
  },
  required: ['pattern', 'minGapsMs'],
} as const satisfies KindSchema;

/** Configuration of an `intervals` check: what its schema accepts. */
export type IntervalsConfig = ConfigOf<typeof schema>;

/** Passes when consecutive timestamps are at least `minGapsMs[i]` (less the slack) apart. */
export const intervalsCheck: CheckKind<typeof schema> = {
  name: 'intervals',
  description: 'Timestamps in the output are at least as far apart as the sender paused between messages (they were taken on arrival).',
  schema,
  promisesGraded: () => [{ promise: 'timing' }],
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const pattern = compileRegExp('pattern', config.pattern);
    const slack = config.slackMs ?? DEFAULT_SLACK_MS;
    const stamped = streamLines(run, stream).flatMap((line) => {
      const found = pattern.exec(line);
      const seconds = found?.[1] === undefined ? Number.NaN : Number(found[1]);
      return Number.isFinite(seconds) ? [{ line, seconds }] : [];
    });
    if (stamped.length < config.minGapsMs.length) {
      return {
        passed: false,
        message: `${plural(config.minGapsMs.length, 'line')} of ${streamName(run, stream)} should carry a timestamp, but ${stamped.length === 0 ? 'none does' : `only ${stamped.length} ${stamped.length === 1 ? 'does' : 'do'}`}.`,
      };
    }
    if (config.span) return checkSpan(config, stamped, slack);
    for (let index = 1; index < config.minGapsMs.length; index++) {
      const wanted = config.minGapsMs[index] ?? 0;
      const previous = stamped[index - 1];
      const current = stamped[index];
      if (wanted <= 0 || previous === undefined || current === undefined) continue;
      const gap = (current.seconds - previous.seconds) * 1000;
      if (gap < wanted - slack) {
        return {
          passed: false,
          message:
            `Message ${index + 1} (${quote(current.line)}) is stamped ${milliseconds(Math.max(0, gap))} after message ${index}${gap < 0 ? ' (earlier than it)' : ''}, ` +
            `but the sender slept ${formatDuration(wanted)} before sending it: take the time when each message arrives, not when everything has been read.`,
          hint: "Take the timestamp in the 'data' handler, when the read that completes the message returns; do not collect the output and print it all at the end.",
        };
      }
    }
    return { passed: true, message: `The ${plural(config.minGapsMs.length, 'timestamp')} are as far apart as the sender's pauses.` };
  },
};

function checkSpan(config: IntervalsConfig, stamped: Array<{ line: string; seconds: number }>, slack: number): CheckOutcome {
  const count = config.minGapsMs.length;
  const wanted = config.minGapsMs.slice(1).reduce((sum, gap) => sum + gap, 0);
  const span = (stamped[count - 1]!.seconds - stamped[0]!.seconds) * 1000;
  if (span >= wanted - slack) {
    return {
      passed: true,
      message: `The ${plural(count, 'timestamp')} span ${formatDuration(span)}, as the sender's pauses (${formatDuration(wanted)}) require.`,
    };
  }
  return {
    passed: false,
    message:
      `The ${plural(count, 'timestamp')} span only ${milliseconds(Math.max(0, span))} from the first to the last, ` +
      `but the sender slept ${formatDuration(wanted)} in all between them: take the time when each message arrives, not when everything has been read.`,
    hint: "Take the timestamp in the 'data' handler, when the read that completes the message returns; do not collect the output and print it all at the end.",
  };
}
