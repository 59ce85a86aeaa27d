// Lines read as records: each line is matched against named templates (the first that fits wins)
// and its placeholders become the record's fields. Shared by `records`, `trace` and `processes`.
// Unlike in `lines`, a `{type:name}` placeholder is scoped to its line: it names a field.

import type { ProgramRun } from '../run/types.js';
import { quote } from './display.js';
import { lineLabel, type Stream } from './streams.js';
import { CheckConfigError } from './streams.js';
import {
  describeMismatch,
  displayTemplate,
  isBindingPlaceholder,
  matchLine,
  NO_BINDINGS,
  parseTemplate,
  quoteTemplate,
  type LineTemplate,
  type TemplateEnvironment,
} from './template.js';

/** One line read as a record. */
export interface LineRecord {
  /** The template (record kind) it matched. */
  kind: string;
  /** 0-based line index in the stream. */
  line: number;
  text: string;
  /** Field name → value as printed. */
  fields: Record<string, string>;
}

/** Named templates, parsed. */
export interface RecordForms {
  names: string[];
  templates: Map<string, LineTemplate>;
}

/** Parses a map of record name → template; throws CheckConfigError naming a bad one. */
export function parseForms(forms: Record<string, string>, field = 'records'): RecordForms {
  const templates = new Map<string, LineTemplate>();
  for (const [name, source] of Object.entries(forms)) {
    try {
      templates.set(name, parseTemplate(source));
    } catch (error) {
      throw new CheckConfigError(`${field}.${name}: ${(error as Error).message}`);
    }
  }
  if (templates.size === 0) throw new CheckConfigError(`${field} names no line form`);
  return { names: [...templates.keys()], templates };
}

/** The names of the fields a form has (its named, non-reserved placeholders). */
export function fieldsOf(template: LineTemplate): string[] {
  return [...new Set(template.placeholders.filter(isBindingPlaceholder).map((p) => p.name))];
}

/** The result of reading every line: records, or the first line that fits no form. */
export type ReadResult = { ok: true; records: LineRecord[] } | { ok: false; message: string };

/**
 * Reads `lines` as records. A line that fits no form fails (unless `othersAllowed`), naming the
 * forms and the closest mismatch; a reserved placeholder with a wrong value fails likewise.
 */
export function readRecords(
  lines: readonly string[],
  forms: RecordForms,
  environment: TemplateEnvironment,
  situation: { run: ProgramRun; stream: Stream; othersAllowed: boolean },
): ReadResult {
  const records: LineRecord[] = [];
  for (const [index, text] of lines.entries()) {
    let matched = false;
    let reservedFailure: string | undefined;
    for (const name of forms.names) {
      const template = forms.templates.get(name)!;
      if (!template.shape.test(text)) continue;
      const match = matchLine(template, text, NO_BINDINGS, environment, { line: index, template: 0 });
      if (!match.matched) {
        reservedFailure ??= describeMismatch(template, text, match.mismatch, lineLabel(situation.run, situation.stream, index));
        continue;
      }
      const fields: Record<string, string> = {};
      for (const { placeholder, value } of match.captures) if (isBindingPlaceholder(placeholder)) fields[placeholder.name] ??= value;
      records.push({ kind: name, line: index, text, fields });
      matched = true;
      break;
    }
    if (matched) continue;
    if (reservedFailure !== undefined) return { ok: false, message: reservedFailure };
    if (situation.othersAllowed) continue;
    const label = lineLabel(situation.run, situation.stream, index);
    const listed = forms.names.map((name) => quoteTemplate(forms.templates.get(name)!)).join(', ');
    return {
      ok: false,
      message: `${label} ${text === '' ? '(empty)' : quote(text)} matches none of the expected forms: ${listed}.${closest(text, forms)}`,
    };
  }
  return { ok: true, records };
}

/** " The closest: ..." when a form's literal text fits but a value does not. */
function closest(text: string, forms: RecordForms): string {
  for (const name of forms.names) {
    const template = forms.templates.get(name)!;
    if (!template.loose.test(text)) continue;
    const match = matchLine(
      template,
      text,
      NO_BINDINGS,
      { timeZone: 'UTC', localDates: [], utcDates: [], startS: 0, endS: 0, toleranceS: 0 },
      { line: 0, template: 0 },
    );
    if (!match.matched && match.mismatch.kind === 'value') return ` ${describeMismatch(template, text, match.mismatch, 'It')}`;
  }
  return '';
}

/** A field reference `NAME.field`, checked against the forms. */
export interface FieldRef {
  record: string;
  field: string;
}

/** Parses `NAME.field`; throws CheckConfigError if the record or its field does not exist. */
export function fieldRef(reference: string, forms: RecordForms, where: string): FieldRef {
  const dot = reference.indexOf('.');
  const record = dot < 0 ? reference : reference.slice(0, dot);
  const field = dot < 0 ? '' : reference.slice(dot + 1);
  const template = forms.templates.get(record);
  if (template === undefined) throw new CheckConfigError(`${where}: "${reference}" names no record (records: ${forms.names.join(', ')})`);
  if (!fieldsOf(template).includes(field)) {
    throw new CheckConfigError(
      `${where}: "${reference}" names no field of ${record} (its fields: ${fieldsOf(template).join(', ') || 'none'}); write NAME.field`,
    );
  }
  return { record, field };
}

/** Checks that a record name exists. */
export function recordName(name: string, forms: RecordForms, where: string): string {
  if (!forms.templates.has(name)) throw new CheckConfigError(`${where}: "${name}" names no record (records: ${forms.names.join(', ')})`);
  return name;
}

/** Checks that a field exists in a record. */
export function fieldOf(record: string, field: string, forms: RecordForms, where: string): string {
  return fieldRef(`${record}.${field}`, forms, where).field;
}

/** "Line 7 `text`" for a record. */
export function recordLabel(record: LineRecord, run: ProgramRun, stream: Stream): string {
  return `${lineLabel(run, stream, record.line)} ${quote(record.text)}`;
}

/** "line 7 `text`" for a record, in the middle of a sentence. */
export function recordMention(record: LineRecord, run: ProgramRun, stream: Stream): string {
  const label = recordLabel(record, run, stream);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The form of a record for a message: its template with `<type>` placeholders, quoted. */
export function formOf(forms: RecordForms, name: string): string {
  return quoteTemplate(forms.templates.get(name)!);
}

/** A form with some fields filled in (e.g. the line that was never printed). */
export function formWith(forms: RecordForms, name: string, values: Record<string, string>): string {
  const template = forms.templates.get(name)!;
  const text = template.parts
    .map((part) => {
      if (part.kind === 'literal') return part.text;
      if (part.name !== undefined && values[part.name] !== undefined) return values[part.name];
      return `<${part.type}>`;
    })
    .join('');
  return quote(text);
}

export { displayTemplate };

/**
 * The two ends of a `[min, max]` range of a spec. Its schema (`range`) says exactly two numbers,
 * which the type derived from it cannot say (a list of numbers).
 */
export function bounds(range: readonly number[]): [number, number] {
  const [min, max] = range;
  if (min === undefined || max === undefined) throw new CheckConfigError(`a range must be [min, max], got ${JSON.stringify(range)}`);
  return [min, max];
}
