// Line templates: literal text with typed placeholders such as `{int}`, `{ts:now}` or `{pid:child}`.
// Parsing, matching one line (with the bindings of earlier lines), and explaining mismatches.

import { quote } from './display.js';
import { diagnoseValue, placeholderTypes, type PlaceholderType } from './placeholders.js';
import { checkReserved, isReservedName, type ReservedName, type TemplateEnvironment } from './reserved.js';

// Re-exported so that users of templates need only this module.
export { placeholderTypes, type PlaceholderType } from './placeholders.js';
export { templateEnvironment, type ReservedName, type TemplateEnvironment } from './reserved.js';

/** Literal text of a template. */
export interface LiteralPart {
  kind: 'literal';
  text: string;
}

/** A typed placeholder: `{type}`, `{type:name}`, or a reserved one like `{date:today}`. */
export interface Placeholder {
  kind: 'placeholder';
  type: PlaceholderType;
  /** The binding name, if any. */
  name?: string;
  /** Set for reserved names (`date:today`, `ts:now`, `pid:main`): a fixed condition, not a binding. */
  reserved?: ReservedName;
  /** Position among the template's placeholders (0-based). */
  index: number;
}

/** One piece of a parsed template. */
export type TemplatePart = LiteralPart | Placeholder;

/** A parsed line template. */
export interface LineTemplate {
  source: string;
  parts: readonly TemplatePart[];
  placeholders: readonly Placeholder[];
  /** Matches the template's shape (placeholder types and repeats within the line), ignoring earlier lines. */
  shape: RegExp;
  /** Matches the literal text only: every placeholder may be anything (used to explain mismatches). */
  loose: RegExp;
}

/** A value bound by a named placeholder, with where it was bound. */
export interface Binding {
  name: string;
  type: PlaceholderType;
  value: string;
  /** Index (0-based) of the line it was read from. */
  line: number;
  /** Index (0-based) of the template that bound it. */
  template: number;
}

/** Named values bound so far in one check (never mutated: matching returns an extended copy). */
export type Bindings = ReadonlyMap<string, Binding>;

/** The empty set of bindings that a check starts from. */
export const NO_BINDINGS: Bindings = new Map();

/** What one placeholder matched in a line. */
export interface Capture {
  placeholder: Placeholder;
  value: string;
}

/** Where a match happens: which line of the output and which template of the check (0-based). */
export interface MatchPosition {
  line: number;
  template: number;
}

/** Why a line does not match a template. */
export type Mismatch =
  /** The literal text differs. */
  | { kind: 'text' }
  /** A placeholder stands where the line has something of the wrong kind. */
  | { kind: 'value'; placeholder: Placeholder; value: string; explanation?: string }
  /** A named placeholder differs from the value bound earlier (`earlier.line` = -1: earlier in the same line). */
  | { kind: 'binding'; placeholder: Placeholder; value: string; earlier: Binding }
  /** A reserved placeholder (`{date:today}`, `{ts:now}`, `{pid:main}`) has the wrong value. */
  | { kind: 'reserved'; placeholder: Placeholder; value: string; explanation: string };

/** The result of matching one line against one template. */
export type LineMatch = { matched: true; captures: Capture[]; bindings: Bindings } | { matched: false; mismatch: Mismatch };

/** An error in a template as written in a spec (unknown placeholder, stray brace). */
export class TemplateSyntaxError extends Error {
  constructor(
    readonly template: string,
    detail: string,
  ) {
    super(`invalid line template ${JSON.stringify(template)}: ${detail}`);
    this.name = 'TemplateSyntaxError';
  }
}

const PLACEHOLDER = /^\{([a-z]+)(?::([A-Za-z_][A-Za-z0-9_]*))?\}/;

/** Escapes text for use as a literal in a regular expression (with the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function isPlaceholderType(type: string): type is PlaceholderType {
  return Object.hasOwn(placeholderTypes, type);
}

/** Parses a template; throws TemplateSyntaxError on an unknown placeholder or a stray brace. */
export function parseTemplate(source: string): LineTemplate {
  const parts: TemplatePart[] = [];
  const placeholders: Placeholder[] = [];
  let literal = '';
  let position = 0;
  while (position < source.length) {
    const rest = source.slice(position);
    if (rest.startsWith('{{') || rest.startsWith('}}')) {
      literal += rest.charAt(0);
      position += 2;
      continue;
    }
    if (rest.startsWith('}')) {
      throw new TemplateSyntaxError(source, `stray "}" at column ${position + 1} (write "}}" for a literal brace)`);
    }
    if (rest.startsWith('{')) {
      const found = PLACEHOLDER.exec(rest);
      const type = found?.[1];
      if (found === null || type === undefined || !isPlaceholderType(type)) {
        throw new TemplateSyntaxError(
          source,
          `unknown placeholder at column ${position + 1}; placeholders are ${Object.keys(placeholderTypes)
            .map((name) => `{${name}}`)
            .join(' ')}, optionally with a name like {int:count} (write "{{" for a literal brace)`,
        );
      }
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      const name = found[2];
      const placeholder: Placeholder = { kind: 'placeholder', type, index: placeholders.length };
      if (name !== undefined) {
        placeholder.name = name;
        const reserved = `${type}:${name}`;
        if (isReservedName(reserved)) placeholder.reserved = reserved;
      }
      parts.push(placeholder);
      placeholders.push(placeholder);
      position += found[0].length;
      continue;
    }
    literal += rest.charAt(0);
    position += 1;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return {
    source,
    parts,
    placeholders,
    shape: buildRegExp(parts, NO_BINDINGS),
    loose: new RegExp(`^${parts.map((part) => (part.kind === 'literal' ? escapeRegExp(part.text) : '([^]*?)')).join('')}$`, 'u'),
  };
}

/** Whether a placeholder takes part in bindings (named, and not a reserved name). */
export function isBindingPlaceholder(placeholder: Placeholder): placeholder is Placeholder & { name: string } {
  return placeholder.name !== undefined && placeholder.reserved === undefined;
}

// Every placeholder is one capturing group; a name repeated in the line is a back-reference,
// a name bound by an earlier line is its value as literal text.
function buildRegExp(parts: readonly TemplatePart[], bindings: Bindings): RegExp {
  const groupOfName = new Map<string, number>();
  const pieces = parts.map((part) => {
    if (part.kind === 'literal') return escapeRegExp(part.text);
    const group = part.index + 1;
    if (!isBindingPlaceholder(part)) return `(${placeholderTypes[part.type].pattern})`;
    const bound = bindings.get(part.name);
    if (bound !== undefined) return `(${escapeRegExp(bound.value)})`;
    const earlierGroup = groupOfName.get(part.name);
    if (earlierGroup !== undefined) return `(\\${earlierGroup})`;
    groupOfName.set(part.name, group);
    return `(${placeholderTypes[part.type].pattern})`;
  });
  return new RegExp(`^${pieces.join('')}$`, 'u');
}

const regExpCache = new WeakMap<LineTemplate, Map<string, RegExp>>();
const MAX_CACHED_REGEXPS = 256;

function regExpWithBindings(template: LineTemplate, bindings: Bindings): RegExp {
  const used = template.placeholders.filter(isBindingPlaceholder).map((p) => bindings.get(p.name)?.value);
  if (used.every((value) => value === undefined)) return template.shape;
  const key = JSON.stringify(used);
  let cache = regExpCache.get(template);
  if (cache === undefined) {
    cache = new Map();
    regExpCache.set(template, cache);
  }
  let regExp = cache.get(key);
  if (regExp === undefined) {
    regExp = buildRegExp(template.parts, bindings);
    if (cache.size >= MAX_CACHED_REGEXPS) cache.clear();
    cache.set(key, regExp);
  }
  return regExp;
}

function capturesOf(template: LineTemplate, found: RegExpExecArray): Capture[] {
  return template.placeholders.map((placeholder) => ({ placeholder, value: found[placeholder.index + 1] ?? '' }));
}

/**
 * Matches one line against a template, given the values bound by earlier lines. On success
 * returns what every placeholder matched and the bindings extended with this line's new names.
 */
export function matchLine(template: LineTemplate, line: string, bindings: Bindings, environment: TemplateEnvironment, position: MatchPosition): LineMatch {
  const found = regExpWithBindings(template, bindings).exec(line);
  if (found === null) return { matched: false, mismatch: explainMismatch(template, line, bindings) };
  const captures = capturesOf(template, found);
  for (const { placeholder, value } of captures) {
    if (placeholder.reserved === undefined) continue;
    const explanation = checkReserved(placeholder.reserved, value, environment);
    if (explanation !== undefined) return { matched: false, mismatch: { kind: 'reserved', placeholder, value, explanation } };
  }
  let extended: Map<string, Binding> | undefined;
  for (const { placeholder, value } of captures) {
    if (!isBindingPlaceholder(placeholder) || bindings.has(placeholder.name) || extended?.has(placeholder.name)) continue;
    extended ??= new Map(bindings);
    extended.set(placeholder.name, { name: placeholder.name, type: placeholder.type, value, ...position });
  }
  return { matched: true, captures, bindings: extended ?? bindings };
}

function explainMismatch(template: LineTemplate, line: string, bindings: Bindings): Mismatch {
  const shaped = template.shape.exec(line);
  if (shaped !== null) {
    for (const { placeholder, value } of capturesOf(template, shaped)) {
      if (!isBindingPlaceholder(placeholder)) continue;
      const earlier = bindings.get(placeholder.name);
      if (earlier !== undefined && earlier.value !== value) return { kind: 'binding', placeholder, value, earlier };
    }
    return { kind: 'text' };
  }
  const loose = template.loose.exec(line);
  if (loose === null) return { kind: 'text' };
  const captures = capturesOf(template, loose);
  for (const { placeholder, value } of captures) {
    if (!new RegExp(`^(?:${placeholderTypes[placeholder.type].pattern})$`, 'u').test(value)) {
      const explanation = diagnoseValue(placeholder.type, value);
      return explanation === undefined ? { kind: 'value', placeholder, value } : { kind: 'value', placeholder, value, explanation };
    }
  }
  // Every value has the right form: a name repeated within the line must differ.
  const firstOfName = new Map<string, Capture>();
  for (const capture of captures) {
    const { placeholder, value } = capture;
    if (!isBindingPlaceholder(placeholder)) continue;
    const earlier = bindings.get(placeholder.name) ?? bindingOf(firstOfName.get(placeholder.name));
    if (earlier !== undefined && earlier.value !== value) return { kind: 'binding', placeholder, value, earlier };
    if (!firstOfName.has(placeholder.name)) firstOfName.set(placeholder.name, capture);
  }
  return { kind: 'text' };
}

function bindingOf(capture: Capture | undefined): Binding | undefined {
  if (capture === undefined || capture.placeholder.name === undefined) return undefined;
  return { name: capture.placeholder.name, type: capture.placeholder.type, value: capture.value, line: -1, template: -1 };
}

/** How a template reads for a student: placeholders as `<type>`, e.g. `Timestamp now: <ts>`. */
export function displayTemplate(template: LineTemplate, environment?: TemplateEnvironment): string {
  return template.parts.map((part) => (part.kind === 'literal' ? part.text : (knownValue(part, environment) ?? `<${part.type}>`))).join('');
}

/** The value a reserved placeholder stands for, where the grader knows exactly one (for diffs). */
function knownValue(placeholder: Placeholder, environment: TemplateEnvironment | undefined): string | undefined {
  if (environment === undefined) return undefined;
  if (placeholder.reserved === 'path:cwd') return environment.cwd;
  if (placeholder.reserved === 'path:scriptDir') return environment.scriptDir;
  if (placeholder.reserved === 'pid:main' && environment.mainPid !== undefined) return String(environment.mainPid);
  return undefined;
}

/** The template quoted for a message (escaped and shortened like student text). */
export function quoteTemplate(template: LineTemplate): string {
  return quote(displayTemplate(template));
}

function describePlaceholder(template: LineTemplate, placeholder: Placeholder): string {
  const description = placeholderTypes[placeholder.type].description;
  const alone = template.placeholders.every((other) => other.type === placeholder.type);
  return alone ? description : `<${placeholder.type}> is ${description}`;
}

/**
 * One or two sentences on why `line` does not match `template`, starting with `label`
 * (e.g. "Line 2"): what it should look like, what it was, and the likely cause when known.
 */
export function describeMismatch(template: LineTemplate, line: string, mismatch: Mismatch, label: string): string {
  const expected = quoteTemplate(template);
  const actual = line === '' ? 'empty' : quote(line);
  switch (mismatch.kind) {
    case 'text':
      return `${label} should look like ${expected}, but it was ${actual}.`;
    case 'value': {
      const what = describePlaceholder(template, mismatch.placeholder);
      const { type } = mismatch.placeholder;
      const notIt = `${quote(mismatch.value)} is not ${placeholderTypes[type].description}`;
      if (mismatch.explanation === undefined) {
        if (template.placeholders.length > 1) return `${label} should look like ${expected}, but it was ${actual}, and ${notIt}.`;
        return `${label} should look like ${expected} (${what}), but it was ${actual}.`;
      }
      if (template.placeholders.length === 1 || mismatch.value === '') {
        return `${label} should look like ${expected} (${what}), but it was ${actual}: ${withFullStop(mismatch.explanation)}`;
      }
      return `${label} should look like ${expected}, but it was ${actual}, and ${notIt}: ${withFullStop(mismatch.explanation)}`;
    }
    case 'binding': {
      const where = mismatch.earlier.line < 0 ? 'earlier in the same line' : `in line ${mismatch.earlier.line + 1}`;
      return (
        `${label} should look like ${expected} with the same <${mismatch.placeholder.type}> as ${where} ` +
        `(${quote(mismatch.earlier.value)}), but it was ${actual}, with ${quote(mismatch.value)}.`
      );
    }
    case 'reserved':
      return `${label} should look like ${expected}, but it was ${actual}: ${withFullStop(mismatch.explanation)}`;
  }
}

function withFullStop(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Names bound by more than one placeholder across the templates of a check (the ones that constrain). */
export function sharedNames(templates: readonly LineTemplate[]): Set<string> {
  const counts = new Map<string, number>();
  for (const template of templates) {
    for (const placeholder of template.placeholders) {
      if (isBindingPlaceholder(placeholder)) counts.set(placeholder.name, (counts.get(placeholder.name) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, count]) => count > 1).map(([name]) => name));
}

/** Whether matching this template depends on (or affects) other lines' bindings. */
export function dependsOnBindings(template: LineTemplate, shared: ReadonlySet<string>): boolean {
  return template.placeholders.some((placeholder) => isBindingPlaceholder(placeholder) && shared.has(placeholder.name));
}
