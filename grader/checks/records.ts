// `records`: lines read as records (named line forms), and relations between them: counts, the
// main pid, distinct values, joins between forms, key sets, ranges, exactly-once combinations,
// per-key sequences and the order of forms. For output whose line order varies from run to run.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import type { ProgramRun } from '../run/types.js';
import { plural, quote } from './display.js';
import {
  bounds,
  fieldOf,
  fieldRef,
  formOf,
  formWith,
  parseForms,
  readRecords,
  recordLabel,
  recordMention,
  recordName,
  type FieldRef,
  type LineRecord,
  type RecordForms,
} from './line-records.js';
import { CheckConfigError, printedNothing, streamLines, streamSchema, truncationNote, type Stream } from './streams.js';
import { templateEnvironment } from './template.js';
import { capitalise } from '../util/text.js';
import { pinnedLineCount } from './pinned-lines.js';

const fieldReference = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_-]*\\.[A-Za-z_][A-Za-z0-9_]*$',
  description: 'NAME.field: a field of a record form.',
} as const;
const range = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[min, max], both included.' } as const;
const keysSchema = {
  type: 'object',
  properties: {
    record: { type: 'string' },
    key: { type: 'string', description: 'The field.' },
    from: { type: 'integer' },
    to: { type: 'integer' },
  },
  required: ['record', 'key', 'from', 'to'],
  additionalProperties: false,
} as const;

const schema = {
  properties: {
    stream: streamSchema,
    records: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'string' },
      description:
        'NAME: line template. Each line is read as the first form it matches; {type:name} names a field of that line (it does not bind across lines).',
    },
    mode: {
      enum: ['all', 'contains'],
      default: 'all',
      description: 'all (default): every line must match a form. contains: other lines are ignored.',
    },
    count: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, description: 'NAME: how many lines of that form.' },
    equalsMain: { type: 'array', items: fieldReference, description: "Fields whose value is the main process's pid (process.pid)." },
    notMain: { type: 'array', items: fieldReference, description: "Fields whose value must not be the main process's pid." },
    distinct: { type: 'array', items: fieldReference, description: 'Fields whose value no two lines of the form share.' },
    join: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          from: fieldReference,
          to: fieldReference,
          many: {
            type: 'boolean',
            description: 'false (default): one to one. true: every `to` value is a `from` value and every `from` value appears in `to` at least once.',
          },
        },
        required: ['from', 'to'],
        additionalProperties: false,
      },
      description: 'The values of two fields correspond (e.g. the pid a parent printed for its child is the pid the child printed).',
    },
    keys: {
      oneOf: [keysSchema, { type: 'array', items: keysSchema }],
      description: 'The set of values of a field is exactly from..to.',
    },
    ranges: { type: 'object', additionalProperties: range, description: 'NAME.field: [min, max]: every value within.' },
    exactlyOnce: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          record: { type: 'string' },
          fields: { type: 'object', additionalProperties: range, minProperties: 1, description: 'field: [min, max]' },
        },
        required: ['record', 'fields'],
        additionalProperties: false,
      },
      description: 'Every combination of the fields\u2019 values within their ranges is printed exactly once (no message lost, none taken twice).',
    },
    sequences: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          record: { type: 'string' },
          key: {
            oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
            description: 'Field(s) that group the lines (e.g. each child pid).',
          },
          field: { type: 'string' },
          from: { type: 'integer' },
          to: { type: 'integer' },
          increasing: { const: true, description: 'Instead of from/to: strictly increasing.' },
          orderBy: {
            ...fieldReference,
            description:
              'OTHER.field of a join with this record: take the lines in the order of the joined OTHER lines (e.g. parameters in the order of the "Child is" lines).',
          },
        },
        required: ['record', 'field'],
        additionalProperties: false,
      },
      description: 'Per key, the field\u2019s values in order of appearance are exactly from..to (counting down if to < from) or strictly increasing.',
    },
    order: {
      type: 'array',
      items: {
        type: 'object',
        properties: { before: { type: 'string' }, after: { type: 'string' } },
        required: ['before', 'after'],
        additionalProperties: false,
      },
      description: 'Every line of form `before` comes before every line of form `after`.',
    },
  },
  required: ['records'],
} as const satisfies KindSchema;

/** Configuration of a `records` check: what its schema accepts. */
export type RecordsConfig = ConfigOf<typeof schema>;
/** A per-key sequence of a field's values (`from`..`to`, or `increasing`). */
export type SequenceSpec = NonNullable<RecordsConfig['sequences']>[number];

/** Passes when every line is one of the record forms and every relation holds. */
export const recordsCheck: CheckKind<typeof schema> = {
  name: 'records',
  description:
    'Lines read as records (named line templates whose {type:name} placeholders are fields of that line) and relations between them: count, equalsMain, notMain, distinct, join, keys, ranges, exactlyOnce, sequences, order. For output whose order varies.',
  schema,
  // By its counts or the combinations it wants exactly once; passing or not, they pin the number.
  expectedLineCount: (config) => pinnedLineCount(config),
  promisesGraded: () => [{ promise: 'in any order' }],
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const forms = parseForms(config.records);
    const lines = streamLines(run, stream);
    const read = readRecords(lines, forms, templateEnvironment(run), { run, stream, othersAllowed: config.mode === 'contains' });
    if (!read.ok) return { passed: false, message: read.message + truncationNote(run) };
    const situation: Situation = { run, stream, forms, records: read.records };
    const steps = [countFailure, mainFailure, distinctFailure, joinFailure, keysFailure, rangesFailure, exactlyOnceFailure, sequencesFailure, orderFailure];
    for (const step of steps) {
      const failure = step(config, situation);
      if (failure !== undefined) {
        const empty = lines.length === 0 ? `${printedNothing(run, stream)} ` : '';
        return { passed: false, message: empty + failure + truncationNote(run) };
      }
    }
    return { passed: true, message: `The ${plural(read.records.length, 'line')} have the expected forms and relations.` };
  },
};

interface Situation {
  run: ProgramRun;
  stream: Stream;
  forms: RecordForms;
  records: LineRecord[];
}

function ofKind(situation: Situation, kind: string): LineRecord[] {
  return situation.records.filter((record) => record.kind === kind);
}

function mention(situation: Situation, record: LineRecord): string {
  return recordMention(record, situation.run, situation.stream);
}

function label(situation: Situation, record: LineRecord): string {
  return recordLabel(record, situation.run, situation.stream);
}

function countFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const [name, expected] of Object.entries(config.count ?? {})) {
    recordName(name, situation.forms, 'count');
    const found = ofKind(situation, name).length;
    if (found !== expected) {
      return `Your program printed ${plural(found, 'line')} like ${formOf(situation.forms, name)}; expected ${expected}.`;
    }
  }
  return undefined;
}

function mainFailure(config: RecordsConfig, situation: Situation): string | undefined {
  const main = situation.run.mainPid;
  if (main === undefined) return undefined;
  for (const reference of config.equalsMain ?? []) {
    const { record, field } = fieldRef(reference, situation.forms, 'equalsMain');
    for (const line of ofKind(situation, record)) {
      const value = line.fields[field]!;
      if (Number(value) !== main) {
        return `In ${mention(situation, line)}, ${quote(value)} is not your program's pid (the process the grader started has pid ${main}): print process.pid.`;
      }
    }
  }
  for (const reference of config.notMain ?? []) {
    const { record, field } = fieldRef(reference, situation.forms, 'notMain');
    for (const line of ofKind(situation, record)) {
      const value = line.fields[field]!;
      if (Number(value) === main) {
        return `In ${mention(situation, line)}, ${quote(value)} is your program's own pid (process.pid); it should be another process's (the child's pid).`;
      }
    }
  }
  return undefined;
}

function distinctFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const reference of config.distinct ?? []) {
    const { record, field } = fieldRef(reference, situation.forms, 'distinct');
    const seen = new Map<string, LineRecord>();
    for (const line of ofKind(situation, record)) {
      const value = line.fields[field]!;
      const earlier = seen.get(value);
      if (earlier !== undefined) {
        return `The ${field} ${quote(value)} is repeated: ${mention(situation, earlier)} and ${mention(situation, line)}; every line like ${formOf(situation.forms, record)} should have its own.`;
      }
      seen.set(value, line);
    }
  }
  return undefined;
}

function joinFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const join of config.join ?? []) {
    const from = fieldRef(join.from, situation.forms, 'join.from');
    const to = fieldRef(join.to, situation.forms, 'join.to');
    const targets = groupBy(ofKind(situation, to.record), (line) => line.fields[to.field]!);
    const sources = groupBy(ofKind(situation, from.record), (line) => line.fields[from.field]!);
    for (const line of ofKind(situation, from.record)) {
      const value = line.fields[from.field]!;
      const matches = targets.get(value) ?? [];
      if (matches.length === 0) {
        return `${label(situation, line)} names ${quote(value)}, but no line like ${formOf(situation.forms, to.record)} has ${quote(value)}.`;
      }
      if (join.many !== true && matches.length > 1) {
        return `${quote(value)} appears in ${matches.length} lines like ${formOf(situation.forms, to.record)} (${matches.map((m) => `line ${m.line + 1}`).join(', ')}); there should be one.`;
      }
    }
    for (const line of ofKind(situation, to.record)) {
      const value = line.fields[to.field]!;
      if (!sources.has(value)) {
        return `${label(situation, line)} has ${quote(value)}, which no line like ${formOf(situation.forms, from.record)} names.`;
      }
    }
  }
  return undefined;
}

function keysFailure(config: RecordsConfig, situation: Situation): string | undefined {
  const list = config.keys === undefined ? [] : Array.isArray(config.keys) ? config.keys : [config.keys];
  for (const keys of list) {
    recordName(keys.record, situation.forms, 'keys');
    fieldOf(keys.record, keys.key, situation.forms, 'keys');
    const values = new Set(ofKind(situation, keys.record).map((line) => line.fields[keys.key]!));
    const expected = rangeOf(keys.from, keys.to).map(String);
    const missing = expected.filter((value) => !values.has(value));
    const unexpected = [...values].filter((value) => !expected.includes(value));
    if (missing.length > 0 || unexpected.length > 0) {
      const parts = [missing.length > 0 ? `missing: ${listed(missing)}` : '', unexpected.length > 0 ? `unexpected: ${listed(unexpected)}` : ''].filter(Boolean);
      return `The values of ${keys.key} in lines like ${formOf(situation.forms, keys.record)} should be ${keys.from}..${keys.to}; ${parts.join('; ')}.`;
    }
  }
  return undefined;
}

function rangesFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const [reference, range] of Object.entries(config.ranges ?? {})) {
    const [min, max] = bounds(range);
    const { record, field } = fieldRef(reference, situation.forms, 'ranges');
    for (const line of ofKind(situation, record)) {
      const value = Number(line.fields[field]);
      if (!(value >= min && value <= max)) return `${label(situation, line)} has ${field} ${quote(line.fields[field]!)}, outside ${min}..${max}.`;
    }
  }
  return undefined;
}

function exactlyOnceFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const spec of config.exactlyOnce ?? []) {
    recordName(spec.record, situation.forms, 'exactlyOnce');
    const fields = Object.keys(spec.fields);
    for (const field of fields) fieldOf(spec.record, field, situation.forms, 'exactlyOnce');
    const seen = new Map<string, LineRecord>();
    for (const line of ofKind(situation, spec.record)) {
      for (const field of fields) {
        const [min, max] = bounds(spec.fields[field]!);
        const value = Number(line.fields[field]);
        if (!(Number.isInteger(value) && value >= min && value <= max))
          return `${label(situation, line)} has ${field} ${quote(line.fields[field]!)}, outside ${min}..${max}.`;
      }
      const key = fields.map((field) => Number(line.fields[field])).join(',');
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const values = Object.fromEntries(fields.map((field) => [field, String(Number(line.fields[field]))]));
        return `${formWith(situation.forms, spec.record, values)} was printed twice (lines ${earlier.line + 1} and ${line.line + 1}): it should be printed exactly once.`;
      }
      seen.set(key, line);
    }
    const missing: Array<Record<string, string>> = [];
    let total = 0;
    for (const combination of combinations(fields.map((field) => rangeOf(...bounds(spec.fields[field]!))))) {
      total++;
      if (!seen.has(combination.join(',')) && missing.length < 3) missing.push(Object.fromEntries(fields.map((field, i) => [field, String(combination[i])])));
    }
    const missingCount = total - seen.size;
    if (missingCount > 0) {
      const first = missing[0]!;
      const more =
        missingCount > 1
          ? ` (${missingCount} of the ${total} expected lines are missing; also ${missing
              .slice(1)
              .map((m) => formWith(situation.forms, spec.record, m))
              .join(', ')})`
          : '';
      return `${formWith(situation.forms, spec.record, first)} was never printed${more}.`;
    }
  }
  return undefined;
}

function sequencesFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const spec of config.sequences ?? []) {
    recordName(spec.record, situation.forms, 'sequences');
    fieldOf(spec.record, spec.field, situation.forms, 'sequences');
    const keyFields = spec.key === undefined ? [] : Array.isArray(spec.key) ? spec.key : [spec.key];
    for (const key of keyFields) fieldOf(spec.record, key, situation.forms, 'sequences.key');
    if (spec.increasing !== true && (spec.from === undefined || spec.to === undefined)) {
      throw new CheckConfigError('a sequence needs from and to, or increasing: true');
    }
    let lines = ofKind(situation, spec.record);
    let ordering = '';
    if (spec.orderBy !== undefined) {
      const ordered = orderByJoin(spec, lines, config, situation);
      lines = ordered.lines;
      ordering = ordered.description;
    }
    const groups = groupBy(lines, (line) => keyFields.map((key) => line.fields[key]).join('\u0000'));
    if (keyFields.length === 0 && groups.size === 0) groups.set('', []);
    for (const group of groups.values()) {
      const who =
        keyFields.length === 0 || group[0] === undefined
          ? `the lines like ${formOf(situation.forms, spec.record)}`
          : `the lines with ${keyFields.map((key) => `${key} ${group[0]!.fields[key]}`).join(', ')}`;
      const failure = spec.increasing === true ? increasingFailure(group, spec.field, who, situation) : fromToFailure(group, spec, who, situation);
      if (failure !== undefined) return ordering === '' ? capitalise(failure) : ordering + failure;
    }
  }
  return undefined;
}

function increasingFailure(group: LineRecord[], field: string, who: string, situation: Situation): string | undefined {
  for (let index = 1; index < group.length; index++) {
    const previous = group[index - 1]!;
    const current = group[index]!;
    if (!(Number(current.fields[field]) > Number(previous.fields[field]))) {
      return `${who} are out of order: ${mention(situation, current)} came after ${mention(situation, previous)}, but their ${field} should increase.`;
    }
  }
  return undefined;
}

function fromToFailure(group: LineRecord[], spec: SequenceSpec, who: string, situation: Situation): string | undefined {
  const expected = rangeOf(spec.from!, spec.to!);
  const values = group.map((line) => Number(line.fields[spec.field]));
  for (let index = 0; index < Math.max(values.length, expected.length); index++) {
    const want = expected[index];
    const got = values[index];
    if (got === want) continue;
    const line = group[index];
    if (line === undefined || got === undefined) {
      const last = group.at(-1);
      const after = last === undefined ? 'no line at all' : `${mention(situation, last)} (${spec.field} ${values.at(-1)})`;
      return `${who} stop after ${after}: the ${spec.field} values should go ${spec.from}..${spec.to}, so the line with ${spec.field} ${want} is missing.`;
    }
    if (want === undefined) {
      return `${who} go on past ${spec.field} ${spec.to}: ${mention(situation, line)} should not be there (${spec.from}..${spec.to} expected).`;
    }
    if (expected.includes(got)) {
      return `${who} are out of order: ${mention(situation, line)} has ${spec.field} ${got} where ${want} should come next (${spec.from}..${spec.to} in order).`;
    }
    return `${who} should have ${spec.field} ${want} next (${spec.from}..${spec.to} in order), but ${mention(situation, line)} has ${got}.`;
  }
  return undefined;
}

/** The lines of `spec.record` in the order of the lines they are joined to (through the check's `join`). */
function orderByJoin(spec: SequenceSpec, lines: LineRecord[], config: RecordsConfig, situation: Situation): { lines: LineRecord[]; description: string } {
  const other: FieldRef = fieldRef(spec.orderBy!, situation.forms, 'sequences.orderBy');
  const join = (config.join ?? []).find(
    (candidate) =>
      (candidate.from === spec.orderBy && candidate.to.startsWith(`${spec.record}.`)) ||
      (candidate.to === spec.orderBy && candidate.from.startsWith(`${spec.record}.`)),
  );
  if (join === undefined) throw new CheckConfigError(`sequences.orderBy: no join links ${spec.orderBy} with ${spec.record}`);
  const own = fieldRef(join.from === spec.orderBy ? join.to : join.from, situation.forms, 'join');
  const position = new Map<string, number>();
  for (const line of ofKind(situation, other.record)) if (!position.has(line.fields[other.field]!)) position.set(line.fields[other.field]!, line.line);
  const sorted = [...lines].sort((a, b) => (position.get(a.fields[own.field]!) ?? Infinity) - (position.get(b.fields[own.field]!) ?? Infinity));
  return { lines: sorted, description: `Taken in the order of the lines like ${formOf(situation.forms, other.record)}, ` };
}

function orderFailure(config: RecordsConfig, situation: Situation): string | undefined {
  for (const { before, after } of config.order ?? []) {
    recordName(before, situation.forms, 'order.before');
    recordName(after, situation.forms, 'order.after');
    const lastBefore = ofKind(situation, before).at(-1);
    const firstAfter = ofKind(situation, after)[0];
    if (lastBefore !== undefined && firstAfter !== undefined && firstAfter.line < lastBefore.line) {
      return `${label(situation, firstAfter)} came before ${mention(situation, lastBefore)}: every line like ${formOf(situation.forms, before)} should come before every line like ${formOf(situation.forms, after)}.`;
    }
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

/** from..to, counting down when to < from. */
export function rangeOf(from: number, to: number): number[] {
  const step = to >= from ? 1 : -1;
  const values: number[] = [];
  for (let value = from; step > 0 ? value <= to : value >= to; value += step) values.push(value);
  return values;
}

function* combinations(ranges: number[][]): Generator<number[]> {
  if (ranges.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = ranges;
  for (const value of first!) for (const tail of combinations(rest)) yield [value, ...tail];
}

function listed(values: string[]): string {
  return values.length > 5 ? `${values.slice(0, 5).join(', ')} and ${values.length - 5} more` : values.join(', ');
}
