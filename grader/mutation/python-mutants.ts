// Mutants of a Python reference, by grader/mutation/python/mutants.py (Python's own `ast`, run by
// the python3 that runs the solutions): each mutant is the whole file with one text splice, so
// that its lines keep their numbers; a mutant is graded as its own build, no switch involved.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { PYTHON_MISSING, pythonPath } from '../languages/python/build.js';
import { PYTHON_FLAGS } from '../languages/python/index.js';
import { oneLine, shorten, type MutantSite } from './instrument.js';

/** The mutator script (two folders up is the repository both from grader/mutation/ and from the bundle in .cache/grader/). */
export const PYTHON_MUTATOR = fileURLToPath(new URL('../../grader/mutation/python/mutants.py', import.meta.url));

/** One Python mutant: where and what (as a result records it), the exact text replaced, and the whole mutated file. */
export interface PythonMutant {
  site: MutantSite;
  /** The source text replaced, in full (the site's `original` is shortened for display). */
  replaced: string;
  /** The mutated file's full text. */
  source: string;
}

export interface PythonSourceFile {
  /** File name inside the reference's folder, e.g. "solution.py". */
  file: string;
  text: string;
}

interface RawMutant {
  id: string;
  file: string;
  line: number;
  column: number;
  mutator: string;
  original: string;
  replacement: string;
  source: string;
}

/** The mutants of the given files, numbered across them in the order given. Throws when a file does not parse. */
export async function pythonMutants(files: readonly PythonSourceFile[]): Promise<PythonMutant[]> {
  const python = pythonPath();
  if (python === undefined) throw new Error(PYTHON_MISSING);
  const result = await execa(python, [...PYTHON_FLAGS, PYTHON_MUTATOR], {
    input: JSON.stringify(files),
    reject: false,
    env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
    extendEnv: false,
    timeout: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`the Python mutator failed (${PYTHON_MUTATOR}):\n${result.stderr || result.message}`);
  const raw = JSON.parse(result.stdout) as RawMutant[];
  return raw.map(({ source, original, replacement, ...where }) => ({
    site: { ...where, original: shorten(original), replacement: oneLine(replacement) },
    replaced: original,
    source,
  }));
}

/** The top-level .py files of a Python solution folder (what it runs: solution.py, child.py), sorted. */
export async function pythonSourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.py'))
    .map((e) => e.name)
    .sort();
}

/** The mutants of every top-level .py file of a reference's Python folder. */
export async function referenceMutants(dir: string): Promise<PythonMutant[]> {
  const names = await pythonSourceFiles(dir);
  return pythonMutants(await Promise.all(names.map(async (file) => ({ file, text: await readFile(path.join(dir, file), 'utf8') }))));
}
