// Every function of the grader fits on a screen: at most 80 lines, nested functions included
// (as eslint's max-lines-per-function counts them), so that a function says one thing.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 80;
const graderDir = path.resolve(import.meta.dirname, '../../grader');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** "file:line name (N lines)" for every function longer than `max` lines in the source text. */
function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = node.name?.getText(source) ?? '(anonymous)';
      if (lines > max) found.push(`${path.relative(graderDir, file)}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it(`finds a function longer than ${MAX_LINES} lines (control)`, () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const found = longFunctions('long.ts', `function long() {\n${body}\n}\n`, MAX_LINES);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/long\.ts:1 long \(82 lines\)$/);
    expect(longFunctions('short.ts', `const short = () => {\n  return 1;\n};\n`, MAX_LINES)).toEqual([]);
  });

  it(`keeps every function of grader/ within ${MAX_LINES} lines`, () => {
    const long = sourceFiles(graderDir).flatMap((file) => longFunctions(file, fs.readFileSync(file, 'utf8'), MAX_LINES));
    expect(long).toEqual([]);
  });
});
