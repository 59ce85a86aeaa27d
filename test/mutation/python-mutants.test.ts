// The Python mutator (grader/mutation/python/mutants.py): source in, mutants out. Every mutant
// must parse, differ from the source only at its own site, and keep every line where it was.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { pythonPath } from '../../grader/languages/python/build.js';
import type { MutantSite } from '../../grader/mutation/instrument.js';
import { pythonMutants, type PythonMutant } from '../../grader/mutation/python-mutants.js';

const SOURCE = `"""A made-up exercise: every mutator has a site here."""
import threading

lock = threading.Lock()
total = 0


def add(n):
    global total
    with lock:
        total += n
    return total * 2


def label(n):
    if n > 10 and not n == 99:
        return 'big'
    return 'small' if n >= 0 else ''


for i in range(3):
    worker = threading.Thread(target=add, args=(i,), daemon=True)
    worker.start()
    worker.join()
while total < 0:
    total = total - 1
print(label(total), f"{total}",
      flush=True)
`;

/** Whether each text parses as Python (by the python3 that runs the solutions). */
async function parses(texts: readonly string[]): Promise<boolean[]> {
  const script =
    'import ast, json, sys\nout = []\nfor t in json.load(sys.stdin):\n    try:\n        ast.parse(t); out.append(True)\n    except SyntaxError:\n        out.append(False)\nprint(json.dumps(out))';
  const result = await execa(pythonPath() ?? 'python3', ['-E', '-s', '-B', '-c', script], { input: JSON.stringify(texts) });
  return JSON.parse(result.stdout) as boolean[];
}

/** Offset in `text` of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

function find(mutants: readonly PythonMutant[], mutator: string, original: string, replacement: string): MutantSite {
  const found = mutants.find(({ site }) => site.mutator === mutator && site.original === original && site.replacement === replacement);
  if (!found)
    throw new Error(
      `no ${mutator} ${original} -> ${replacement} among:\n${mutants.map(({ site: m }) => `${m.mutator} ${m.original} -> ${m.replacement}`).join('\n')}`,
    );
  return found.site;
}

describe('the Python mutator', () => {
  it('makes the mutants that matter for the course, each at its line and column', async () => {
    const mutants = await pythonMutants([{ file: 'solution.py', text: SOURCE }]);
    expect(find(mutants, 'AssignmentOperator', 'total += n', 'total -= n')).toMatchObject({ line: 11, column: 9 });
    expect(find(mutants, 'ArithmeticOperator', 'total * 2', 'total / 2')).toMatchObject({ line: 12, column: 12 });
    expect(find(mutants, 'ArithmeticOperator', 'total - 1', 'total + 1')).toMatchObject({ line: 26 });
    expect(find(mutants, 'EqualityOperator', 'n > 10', 'n >= 10')).toMatchObject({ line: 16, column: 8 });
    find(mutants, 'EqualityOperator', 'n > 10', 'n <= 10');
    find(mutants, 'EqualityOperator', 'n == 99', 'n != 99');
    find(mutants, 'LogicalOperator', 'n > 10 and not n == 99', 'n > 10 or not n == 99');
    find(mutants, 'BooleanLiteral', 'not n == 99', 'n == 99');
    find(mutants, 'ConditionalExpression', 'n > 10 and not n == 99', 'True');
    find(mutants, 'ConditionalExpression', 'n > 10 and not n == 99', 'False');
    find(mutants, 'ConditionalExpression', 'n >= 0', 'True');
    find(mutants, 'ConditionalExpression', 'total < 0', 'False');
    expect(mutants.some(({ site }) => site.original === 'total < 0' && site.replacement === 'True')).toBe(false);
    find(mutants, 'StringLiteral', "'big'", '""');
    find(mutants, 'StringLiteral', "''", '"Stryker was here!"');
    find(mutants, 'StringLiteral', 'f"{total}"', '""');
    find(mutants, 'NumericLiteral', '10', '0');
    find(mutants, 'NumericLiteral', '0', '1');
    find(mutants, 'BooleanLiteral', 'True', 'False');
    expect(find(mutants, 'WithStatement', 'with lock', 'if True')).toMatchObject({ line: 10, column: 5 });
    find(mutants, 'ReturnValue', 'total * 2', 'None');
    find(mutants, 'LoopBound', '3', '3 - 1');
    find(mutants, 'LoopBound', '3', '3 + 1');
    find(mutants, 'CallStatement', 'worker.start()', 'pass');
    find(mutants, 'CallStatement', 'worker.join()', 'pass');
    // The docstring is no string to mutate.
    expect(mutants.some(({ replaced }) => replaced.includes('A made-up exercise'))).toBe(false);
    expect(new Set(mutants.map(({ site }) => site.id)).size).toBe(mutants.length);
  });

  it('gives mutants that parse, differ only at their site and keep every line number', async () => {
    const mutants = await pythonMutants([{ file: 'solution.py', text: SOURCE }]);
    expect(mutants.length).toBeGreaterThan(30);
    expect(await parses(mutants.map((m) => m.source))).toEqual(mutants.map(() => true));
    for (const { site, replaced, source } of mutants) {
      const where = `${site.mutator} at ${site.line}:${site.column}`;
      expect(source, where).not.toBe(SOURCE);
      expect(source.split('\n').length, `${where} keeps the line count`).toBe(SOURCE.split('\n').length);
      // The same text before the site and after the text it replaced: nothing else changed.
      const start = offsetOf(SOURCE, site.line, site.column);
      expect(SOURCE.slice(start, start + replaced.length), where).toBe(replaced);
      expect(source.startsWith(SOURCE.slice(0, start)), where).toBe(true);
      expect(source.endsWith(SOURCE.slice(start + replaced.length)), where).toBe(true);
      expect(source.length, where).toBeGreaterThanOrEqual(SOURCE.length - replaced.length);
    }
  });

  it('removes a call statement that spans lines without moving the lines after it', async () => {
    const mutants = await pythonMutants([{ file: 'solution.py', text: SOURCE }]);
    const removed = mutants.find(({ site }) => site.mutator === 'CallStatement' && site.original.startsWith('print(label'));
    expect(removed?.site.line).toBe(27);
    const lines = removed?.source.split('\n') ?? [];
    expect(lines[26]).toBe('pass');
    expect(lines[27]).toBe('');
    // The multi-line print's string flushed: `flush=True` -> False is a mutant of its own.
    const flush = mutants.filter(({ site }) => site.mutator === 'BooleanLiteral' && site.original === 'True' && site.line === 28);
    expect(flush).toHaveLength(1);
  });

  it('numbers mutants across files, names each file, and refuses a file that does not parse', async () => {
    const mutants = await pythonMutants([
      { file: 'solution.py', text: 'print(1 + 2)\n' },
      { file: 'child.py', text: 'import sys\nprint(sys.argv[1])\n' },
    ]);
    expect(mutants.map(({ site }) => site.id)).toEqual(mutants.map((_, i) => String(i)));
    expect(mutants.filter(({ site }) => site.file === 'child.py').map(({ site }) => site.replacement)).toEqual(['pass', '0']);
    expect(mutants.find(({ site }) => site.file === 'solution.py' && site.mutator === 'ArithmeticOperator')?.source).toBe('print(1 - 2)\n');
    await expect(pythonMutants([{ file: 'solution.py', text: 'print(\n' }])).rejects.toThrow(/mutator failed[\s\S]*SyntaxError/);
  });
});
