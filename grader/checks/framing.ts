// `framing`: one line per message, none joined with another, none broken apart. For readers of
// a byte stream (a pipe) that must put the messages back together however the bytes arrived.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { plural, quote } from './display.js';
import { lineLabel, printedNothing, streamLines, streamName, streamSchema, compileRegExp } from './streams.js';
import { DEFAULT_TS_TOLERANCE_S } from './reserved.js';
import { describeMismatch, matchLine, NO_BINDINGS, parseTemplate, quoteTemplate, templateEnvironment } from './template.js';

const MESSAGE_NAME = 'message';

/** How a captured text splits into whole messages: their count and what is left over. */
export function splitMessages(text: string, message: RegExp): { whole: string[]; rest: string } {
  const sticky = new RegExp(message.source, message.flags.replace(/[gy]/g, '') + 'y');
  const whole: string[] = [];
  let at = 0;
  while (at < text.length) {
    sticky.lastIndex = at;
    const found = sticky.exec(text);
    if (found === null || found[0] === '') break;
    whole.push(found[0]);
    at = sticky.lastIndex;
  }
  return { whole, rest: text.slice(at) };
}

const JOINED_ADVICE = 'the reader needs framing (a pipe is a byte stream: one read may return several writes, or part of one)';
const BROKEN_ADVICE = 'keep the bytes of an incomplete message until the rest comes';

/** The student-facing sentence for a message text that is not exactly one message, or undefined. */
export function describeFraming(text: string, message: RegExp): string | undefined {
  const { whole, rest } = splitMessages(text, message);
  if (whole.length === 1 && rest === '') return undefined;
  if (whole.length >= 2 && rest === '') {
    const count = whole.length === 2 ? 'two messages arrived as one' : `two or more messages arrived as one (${whole.length} in this line)`;
    return `${count}: ${quote(text)} — ${JOINED_ADVICE}.`;
  }
  if (whole.length >= 2) {
    return `two or more messages arrived as one, the last of them broken: ${quote(text)} — ${JOINED_ADVICE}, and ${BROKEN_ADVICE}.`;
  }
  return `a message arrived broken: ${quote(text)} — ${BROKEN_ADVICE}.`;
}

const schema = {
  properties: {
    stream: streamSchema,
    line: {
      type: 'string',
      description: 'A line template with one {any:message} placeholder where the message stands, e.g. "Parent {pid:main} got [{any:message}] at {ts}".',
    },
    message: { type: 'string', description: 'A regular expression (JavaScript) that matches exactly one message, e.g. "Spam \\\\d{3}".' },
    expect: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'The messages expected, line by line; the list is repeated if shorter than count.',
    },
    count: { type: 'integer', minimum: 0, description: 'How many lines (one per message) there must be.' },
  },
  required: ['line', 'message', 'expect', 'count'],
} as const satisfies KindSchema;

/** Configuration of a `framing` check: what its schema accepts. */
export type FramingConfig = ConfigOf<typeof schema>;

/** Passes when there are exactly `count` lines, each carrying one whole message, the expected one. */
export const framingCheck: CheckKind<typeof schema> = {
  name: 'framing',
  description: 'One line per message: none joined with another, none broken, in the expected order (for readers of a byte stream).',
  schema,
  validate: ({ line }) =>
    typeof line === 'string' && !line.includes('{any:message}')
      ? [{ path: ['line'], message: 'the line template of a framing check needs an {any:message} placeholder' }]
      : [],
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const template = parseTemplate(config.line);
    const placeholder = template.placeholders.find((p) => p.name === MESSAGE_NAME);
    if (placeholder === undefined) throw new Error(`the framing check's line template ${JSON.stringify(config.line)} has no {any:${MESSAGE_NAME}} placeholder`);
    const message = compileRegExp('message', config.message, 'u');
    const lines = streamLines(run, stream);
    const environment = templateEnvironment(run, DEFAULT_TS_TOLERANCE_S);
    if (lines.length === 0 && config.count > 0) {
      return { passed: false, message: `${printedNothing(run, stream)} It should print ${plural(config.count, 'line')} like ${quoteTemplate(template)}.` };
    }
    // Each line is matched on its own: {any:message} differs from line to line.
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? '';
      const label = lineLabel(run, stream, index);
      const matched = matchLine(template, line, NO_BINDINGS, environment, { line: index, template: 0 });
      // Where the message stands, even if the rest of the line is wrong.
      const loose = template.loose.exec(line);
      const text = matched.matched ? (matched.captures.find((c) => c.placeholder === placeholder)?.value ?? '') : loose?.[placeholder.index + 1];
      if (text !== undefined) {
        const framing = describeFraming(text, message);
        if (framing !== undefined) return { passed: false, message: `${label}: ${framing}` };
      } else if (!matched.matched && new RegExp(message.source, message.flags).test(line)) {
        // Not a line of the expected form, yet a message is in it: the line was broken apart
        // (a message printed with its delimiter, or pieces of messages printed as they came).
        return {
          passed: false,
          message: `${label} ${quote(line)} is not a line like ${quoteTemplate(template)}: a message arrived broken (or with its "\\n" still in it) — ${BROKEN_ADVICE}, and print each message without its delimiter.`,
        };
      }
      if (!matched.matched) return { passed: false, message: describeMismatch(template, line, matched.mismatch, label) };
      if (index >= config.count) {
        return {
          passed: false,
          message: `There should be ${plural(config.count, 'line')} on ${streamName(run, stream)}, one per message, but there are ${lines.length}: ${label.toLowerCase()} ${quote(line)} is one too many.`,
        };
      }
      const wanted = config.expect[index % config.expect.length] ?? '';
      if (text !== wanted) {
        return {
          passed: false,
          message: `${label}: the message should be ${quote(wanted)}, but it is ${quote(text ?? '')} (messages out of order, lost or repeated).`,
        };
      }
    }
    if (lines.length < config.count) {
      return {
        passed: false,
        message: `There should be ${plural(config.count, 'line')} on ${streamName(run, stream)}, one per message, but there ${lines.length === 1 ? 'is 1' : `are ${lines.length}`}: ${plural(config.count - lines.length, 'message')} never arrived (or the program stopped reading too early).`,
      };
    }
    return { passed: true, message: `Each of the ${plural(config.count, 'message')} arrived whole, on a line of its own, in order.` };
  },
};
