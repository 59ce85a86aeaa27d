// The Python "build": every .py file of the folder compiled (never run) by the same python3 that
// runs it, as `python3 -m py_compile` would, without writing a .pyc. A syntax error is reported as
// file:line:column, like a TypeScript compile error.
import { execa } from 'execa';
import type { BuildError } from '../../build/types.js';

/** Prints one JSON line per file that does not compile: {file, line, column, text, source}. */
const CHECK_SCRIPT = `
import json, sys
for name in sys.argv[1:]:
    try:
        with open(name, 'rb') as f:
            compile(f.read(), name, 'exec', dont_inherit=True)
    except SyntaxError as e:
        print(json.dumps({'file': name, 'line': e.lineno or 0, 'column': e.offset or 0, 'text': e.msg, 'source': (e.text or '').rstrip('\\n')}))
    except ValueError as e:
        print(json.dumps({'file': name, 'line': 0, 'column': 0, 'text': str(e), 'source': ''}))
`;

/** A syntax error of one file, with the text of its line. */
export interface SyntaxProblem extends BuildError {
  source: string;
}

/** The syntax errors of `files` (paths relative to `cwd`); throws when python3 itself cannot run. */
export async function syntaxProblems(python: string, cwd: string, files: readonly string[]): Promise<SyntaxProblem[]> {
  if (files.length === 0) return [];
  const result = await execa(python, ['-E', '-s', '-B', '-c', CHECK_SCRIPT, ...files], {
    cwd,
    reject: false,
    timeout: 60_000,
    extendEnv: false,
    env: { LANG: 'C.UTF-8' },
  });
  if (result.exitCode !== 0) throw new Error(`${python} could not check the syntax: ${String(result.stderr || result.message).trim()}`);
  return String(result.stdout)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SyntaxProblem);
}

/** `file:line:column: error: text`, the line and a caret under the column, as a TypeScript error reads. */
export function formatSyntaxProblem(problem: SyntaxProblem, shownFile: string): string {
  const head = `${shownFile}:${problem.line}:${problem.column}: error: ${problem.text}`;
  if (problem.source === '' || problem.line === 0) return head;
  const gutter = String(problem.line).length;
  const caret = `${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, problem.column - 1))}^`;
  return `${head}\n${problem.line} | ${problem.source}\n${caret}`;
}
