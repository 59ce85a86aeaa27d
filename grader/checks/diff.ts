// Unified diffs of expected and actual text, safe to print and of bounded size.

import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import { escapeForDisplay } from './display.js';

/** Longest line shown in a diff, in characters (longer ones are cut, saying so). */
const MAX_DIFF_LINE_CHARS = 300;
/** Most lines of diff shown. */
const MAX_DIFF_LINES = 200;
/** Give up on diffs that take longer than this (hugely different outputs). */
const DIFF_TIMEOUT_MS = 1000;

function displayLines(text: string): string {
  if (text === '') return '';
  return text
    .split('\n')
    .map((line) => escapeForDisplay(line, { quote: false, maxChars: MAX_DIFF_LINE_CHARS }))
    .join('\n')
    .concat('\n');
}

/**
 * A unified diff of `expected` and `actual` (already normalised), labelled "expected" and
 * "your output", with every line escaped for display. Undefined when the texts are equal or too
 * different to diff in reasonable time.
 */
export function unifiedDiff(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const patch = createTwoFilesPatch('expected', 'your output', displayLines(expected), displayLines(actual), undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (patch === undefined) return undefined;
  const lines = patch.replace(/\n$/, '').split('\n');
  if (lines.length <= MAX_DIFF_LINES) return lines.join('\n');
  const omitted = lines.length - MAX_DIFF_LINES;
  return [...lines.slice(0, MAX_DIFF_LINES), `… (${omitted} more lines of diff not shown)`].join('\n');
}

/** Index of the first line where two line lists differ, or -1 if they are equal. */
export function firstDifferentLine(expected: readonly string[], actual: readonly string[]): number {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    if (expected[index] !== actual[index]) return index;
  }
  return -1;
}
