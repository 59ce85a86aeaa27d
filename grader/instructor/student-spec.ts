// The spec students get: hidden tests and mustReject removed, and every `reference` check
// replaced by the reference's output recorded at export time. Edits are cut into the text, so
// the rest of the file (comments, layout) stays exactly as the instructor wrote it.
import { isMap, isPair, isScalar, parseDocument, stringify, type Document } from 'yaml';
import type { MaskRule } from '../checks/reference.js';
import type { CheckSpec } from '../spec/types.js';
import { maskedPattern } from './masked-pattern.js';

/** What the reference printed for one `reference` check (test index and check index in the spec). */
export interface RecordedOutput {
  test: number;
  check: number;
  /** The reference's normalised stream. */
  text: string;
}

/** The check that stands for a `reference` check once its expectation is recorded. */
export function recordedCheck(original: CheckSpec, text: string): Record<string, unknown> {
  const common: Record<string, unknown> = {};
  if (original.stream !== undefined) common.stream = original.stream;
  if (original.process !== undefined) common.process = original.process;
  const hint = original.hint ?? "The output should be the same as the reference solution's (recorded when this repository was made).";
  const mask = (original.mask as MaskRule[] | undefined) ?? [];
  if (mask.length === 0) return { check: 'output', ...common, equals: text, hint };
  const { pattern, flags } = maskedPattern(text, mask);
  return { check: 'match', ...common, pattern, ...(flags ? { flags } : {}), hint };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

/** The text span of a block sequence item, from its dash line to the end of its last line. */
function itemSpan(document: Document, source: string, path: Array<string | number>): { start: number; end: number; column: number } {
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) throw new Error(`no node at ${path.join('.')}`);
  const start = lineStart(source, node.range[0]);
  if (!/^\s*-\s+$/.test(source.slice(start, node.range[0]))) throw new Error(`${path.join('.')} is not a block sequence item`);
  return { start, end: lineEnd(source, Math.max(node.range[0], node.range[1] - 1)), column: node.range[0] - start };
}

/** The student version of a spec's YAML (see the file comment); `hiddenTests` are indices. */
export function studentSpecText(source: string, hiddenTests: readonly number[], recorded: readonly RecordedOutput[]): string {
  const document = parseDocument(source);
  const raw = document.toJS() as { tests: Array<{ checks: CheckSpec[] }> };
  const edits: Edit[] = [];
  for (const { test, check, text } of recorded) {
    const original = raw.tests[test]?.checks[check];
    if (original?.check !== 'reference') throw new Error(`tests[${test}].checks[${check}] is not a reference check`);
    const span = itemSpan(document, source, ['tests', test, 'checks', check]);
    const lines = stringify(recordedCheck(original, text), { lineWidth: 0 }).replace(/\n$/, '').split('\n');
    const indent = ' '.repeat(span.column);
    const dash = source.slice(span.start, span.start + span.column);
    edits.push({ start: span.start, end: span.end, text: `${dash}${lines.map((line, i) => (i === 0 ? line : indent + line)).join('\n')}\n` });
  }
  for (const index of hiddenTests) {
    const span = itemSpan(document, source, ['tests', index]);
    // Between blank lines, take one of them along.
    const blankAround = source[span.end] === '\n' && (span.start === 0 || source.slice(span.start - 2, span.start) === '\n\n');
    edits.push({ start: span.start, end: span.end + (blankAround ? 1 : 0), text: '' });
  }
  if (isMap(document.contents)) {
    const pair = document.contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === 'mustReject');
    const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
    const valueRange = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range;
    if (keyRange && valueRange) edits.push({ start: lineStart(source, keyRange[0]), end: lineEnd(source, Math.max(keyRange[0], valueRange[1] - 1)), text: '' });
  }
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text.replace(/\n+$/, '\n');
}
