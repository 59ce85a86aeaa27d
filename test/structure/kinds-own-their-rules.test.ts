// The loader, the grading of a test, split checks, reference recording, hints and the promise
// table ask a check's kind what it needs; none of them compares a check to a kind's name.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKinds } from '../../grader/checks/index.js';

const graderDir = path.resolve(import.meta.dirname, '../../grader');
const ASKERS = [
  'spec/load.ts',
  'grade/grade-test.ts',
  'grade/split-checks.ts',
  'instructor/record-reference.ts',
  'hints/evidence.ts',
  'instructor/promises.ts',
];

/** Comparisons of a check's kind with a kind's name: `check === 'bytes'`, `.check !== "trace"`, `has('exit')`. */
function kindComparisons(text: string, names: readonly string[]): string[] {
  const alternatives = names.map((name) => name.replace(/[-]/g, '\\-')).join('|');
  const pattern = new RegExp(`check\\s*[!=]==?\\s*['"](?:${alternatives})['"]|\\.has\\(['"](?:${alternatives})['"]\\)`, 'g');
  return text.match(pattern) ?? [];
}

describe('check kinds own their rules', () => {
  it('finds a comparison with a kind name (control)', () => {
    expect(kindComparisons("if (c.check === 'bytes' || kinds.has('exit')) return;", ['bytes', 'exit'])).toEqual(["check === 'bytes'", ".has('exit')"]);
  });

  it.each(ASKERS)('%s asks the kind instead of naming it', (file) => {
    const text = fs.readFileSync(path.join(graderDir, file), 'utf8');
    expect(kindComparisons(text, [...checkKinds.keys()])).toEqual([]);
  });
});
