// `trace`: replay the output as events (enter/leave, put/take, ...) that move a counter, and check
// the concurrency invariant: within min..max after every event, max reached, the printed value
// equal to the counter, each key opened and closed exactly once.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import type { ProgramRun } from '../run/types.js';
import { plural, quote } from './display.js';
import { bounds, fieldOf, formOf, parseForms, readRecords, recordLabel, recordMention, recordName, type LineRecord, type RecordForms } from './line-records.js';
import { rangeOf } from './records.js';
import { streamLines, streamSchema, truncationNote, type Stream } from './streams.js';
import { templateEnvironment } from './template.js';
import { capitalise, lowerFirst } from '../util/text.js';
import { pinnedLineCount } from './pinned-lines.js';

const schema = {
  properties: {
    stream: streamSchema,
    events: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        properties: {
          line: { type: 'string', description: 'Line template of the event; {type:name} names a field of the line.' },
          delta: { type: 'integer', description: 'Added to the counter at this event (default 0).' },
        },
        required: ['line'],
        additionalProperties: false,
      },
      description: 'NAME: the event\u2019s line template and what it adds to the counter.',
    },
    mode: { enum: ['all', 'contains'], default: 'all', description: 'all (default): every line must be an event. contains: other lines are ignored.' },
    name: { type: 'string', description: 'What the counter is, for messages (e.g. "number of workers inside", "buffer size").' },
    min: { type: 'integer', description: 'The counter must never go below this.' },
    max: { type: 'integer', description: 'The counter must never go above this.' },
    reach: { type: 'integer', description: 'The counter must reach this value at some point (e.g. the limit is really used).' },
    reported: { type: 'string', description: 'A field of the events\u2019 templates that must equal the counter after each event (e.g. a printed size).' },
    pairs: {
      type: 'object',
      properties: {
        open: { type: 'string', description: 'Event that opens (e.g. enter).' },
        close: { type: 'string', description: 'Event that closes (e.g. leave).' },
        key: { type: 'string', description: 'Field of both events that identifies who (e.g. id).' },
        keys: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2, description: '[min, max]: exactly these keys appear.' },
      },
      required: ['open', 'close', 'key'],
      additionalProperties: false,
      description: 'Per key, exactly one open followed by exactly one close.',
    },
  },
  required: ['events'],
} as const satisfies KindSchema;

/** Configuration of a `trace` check: what its schema accepts. */
export type TraceConfig = ConfigOf<typeof schema>;

/** Passes when the counter the events move stays within bounds (and the other conditions hold). */
export const traceCheck: CheckKind<typeof schema> = {
  name: 'trace',
  description:
    'Replays the output as events that add `delta` to a counter (e.g. enter +1, leave -1) and checks an invariant: min/max after every event, reach, the printed value (reported), pairs of open/close events per key.',
  schema,
  // By its pairs (one open and one close line per key) or its counts; passing or not, they pin the number.
  expectedLineCount: (config) => pinnedLineCount(config),
  // Events in any order; a level the counter must reach: workers really inside at once.
  promisesGraded: ({ reach }) => [{ promise: 'in any order' }, ...(reach !== undefined ? [{ promise: 'in parallel' as const }] : [])],
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const forms = parseForms(Object.fromEntries(Object.entries(config.events).map(([name, event]) => [name, event.line])), 'events');
    const read = readRecords(streamLines(run, stream), forms, templateEnvironment(run), { run, stream, othersAllowed: config.mode === 'contains' });
    if (!read.ok) return { passed: false, message: read.message + truncationNote(run) };
    const situation: Situation = { run, stream, forms, records: read.records };
    const failure = pairsFailure(config, situation) ?? counterFailure(config, situation);
    if (failure !== undefined) return { passed: false, message: failure + truncationNote(run) };
    return { passed: true, message: `The ${plural(read.records.length, 'event')} keep the ${config.name ?? 'counter'} within bounds.` };
  },
};

interface Situation {
  run: ProgramRun;
  stream: Stream;
  forms: RecordForms;
  records: LineRecord[];
}

function pairsFailure(config: TraceConfig, situation: Situation): string | undefined {
  const pairs = config.pairs;
  if (pairs === undefined) return undefined;
  const { forms } = situation;
  recordName(pairs.open, forms, 'pairs.open');
  recordName(pairs.close, forms, 'pairs.close');
  fieldOf(pairs.open, pairs.key, forms, 'pairs.key');
  fieldOf(pairs.close, pairs.key, forms, 'pairs.key');
  const label = (record: LineRecord): string => recordLabel(record, situation.run, situation.stream);
  const mention = (record: LineRecord): string => recordMention(record, situation.run, situation.stream);
  const opened = new Map<string, LineRecord>();
  const closed = new Map<string, LineRecord>();
  const expected = pairs.keys === undefined ? undefined : rangeOf(...bounds(pairs.keys)).map(String);
  for (const record of situation.records) {
    if (record.kind !== pairs.open && record.kind !== pairs.close) continue;
    const key = String(Number(record.fields[pairs.key]));
    if (expected !== undefined && !expected.includes(key)) {
      return `${label(record)}: ${pairs.key} ${key} is outside ${pairs.keys![0]}..${pairs.keys![1]}.`;
    }
    if (record.kind === pairs.open) {
      const earlier = opened.get(key);
      if (earlier !== undefined) {
        return `${label(record)} is the second line like ${formOf(forms, pairs.open)} for ${pairs.key} ${key} (the first was ${mention(earlier)}); each should have exactly one.`;
      }
      opened.set(key, record);
    } else {
      const earlier = closed.get(key);
      if (earlier !== undefined) {
        return `${label(record)} is the second line like ${formOf(forms, pairs.close)} for ${pairs.key} ${key} (the first was ${mention(earlier)}); each should have exactly one.`;
      }
      if (!opened.has(key)) {
        return `${label(record)} comes before any line like ${formOf(forms, pairs.open)} for ${pairs.key} ${key}: it should come after it.`;
      }
      closed.set(key, record);
    }
  }
  for (const [key, record] of opened) {
    if (!closed.has(key)) return `${capitalise(mention(record))} has no line like ${formOf(forms, pairs.close)} for ${pairs.key} ${key} after it.`;
  }
  for (const key of expected ?? []) {
    if (!opened.has(key))
      return `No line like ${formOf(forms, pairs.open)} has ${pairs.key} ${key}; ${pairs.key} ${pairs.keys![0]}..${pairs.keys![1]} should each have one.`;
  }
  return undefined;
}

function counterFailure(config: TraceConfig, situation: Situation): string | undefined {
  const name = config.name ?? 'counter';
  const { forms } = situation;
  if (config.reported !== undefined) for (const event of forms.names) fieldOf(event, config.reported, forms, 'reported');
  let counter = 0;
  let peak = Number.NEGATIVE_INFINITY;
  for (const record of situation.records) {
    counter += config.events[record.kind]?.delta ?? 0;
    peak = Math.max(peak, counter);
    const label = recordLabel(record, situation.run, situation.stream);
    if (config.reported !== undefined) {
      const printed = Number(record.fields[config.reported]);
      if (printed !== counter) {
        return `${label}: the printed ${config.reported} is ${quote(record.fields[config.reported]!)}, but counting the lines up to this one the ${name} is ${counter}.`;
      }
    }
    if (config.max !== undefined && counter > config.max) return `After ${lowerFirst(label)} the ${name} is ${counter}, above the limit ${config.max}.`;
    if (config.min !== undefined && counter < config.min) return `After ${lowerFirst(label)} the ${name} is ${counter}, below ${config.min}.`;
  }
  if (config.reach !== undefined && !(peak >= config.reach)) {
    const most = situation.records.length === 0 ? 'there were no events at all' : `at most ${peak}`;
    return `The ${name} never reached ${config.reach} (${most}).`;
  }
  return undefined;
}
