// Building a Python solution: its .py files (every folder but wrong/ and __pycache__/) copied into
// the build cache under the hash of their contents, once their syntax is checked. The program runs
// from that copy, as a TypeScript program runs from its build: the same snapshot for every test,
// whatever the student saves meanwhile.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashSources } from '../../build/hash.js';
import type { BuildResult } from '../../build/types.js';
import type { LanguageBuildOptions } from '../types.js';
import { formatSyntaxProblem, syntaxProblems } from './syntax-check.js';
import { TASK_BOOTSTRAP_FILE, TASK_BOOTSTRAP_SOURCE } from './task-bootstrap.js';

/** Change it to invalidate every cached Python build. */
const BUILD_RECIPE = 'python-copy-v1';
const PYTHON_SOURCES = /\.py$/;
/** Folders that are not part of a solution (known-bad variants, byte code). */
const SKIPPED = new Set(['wrong', '__pycache__', 'node_modules']);
/** Written last into a finished build: a folder without it is not one. */
const DONE_MARKER = '.grader-build';

/**
 * The python3 the grader runs: Debian's /usr/bin/python3 (under /usr, which the sandbox binds
 * read-only), not a shim of a version manager in the user's home, which the sandbox cannot see.
 */
export function pythonPath(): string | undefined {
  return ['/usr/bin/python3', '/usr/local/bin/python3'].find((candidate) => existsSync(candidate));
}

export const PYTHON_MISSING = 'python3 is not installed (/usr/bin/python3): on Debian or Ubuntu, sudo apt-get install -y python3';

/** The .py files below `dir` (relative paths, sorted), skipping known-bad variants and byte code. */
async function pythonFiles(dir: string, relative = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) files.push(...(await pythonFiles(dir, child)));
    else if (entry.isFile() && PYTHON_SOURCES.test(entry.name)) files.push(child);
  }
  return files.sort();
}

/** Checks the syntax of every .py file of `sourceDir` and copies them into the cache (unless cached). */
export async function buildPython(sourceDir: string, options: LanguageBuildOptions): Promise<BuildResult> {
  const python = pythonPath();
  if (python === undefined) return { ok: false, message: `The grader cannot run Python: ${PYTHON_MISSING}.`, errors: [] };
  const entry = `${options.entry ?? 'solution'}.py`;
  const bootstrap = createHash('sha256').update(TASK_BOOTSTRAP_SOURCE).digest('hex');
  const hash = await hashSources(sourceDir, `${BUILD_RECIPE}|${entry}|${python}|${bootstrap}`, PYTHON_SOURCES, SKIPPED);
  const outDir = path.join(options.cacheDir, `py-${hash}`);
  const program = { dir: outDir, entry, sourceDir, language: 'python' };
  if (existsSync(path.join(outDir, DONE_MARKER))) return { ok: true, program, cached: true };

  const staging = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  const files = await pythonFiles(sourceDir);
  try {
    for (const file of files) {
      await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
      await copyFile(path.join(sourceDir, file), path.join(staging, file));
    }
    await mkdir(staging, { recursive: true });
    const problems = await syntaxProblems(python, staging, files);
    if (problems.length > 0) {
      await rm(staging, { recursive: true, force: true });
      const errors = problems.map((p) => ({ ...p, file: path.relative(process.cwd(), path.join(sourceDir, p.file)) }));
      const shown = errors.slice(0, 5).map((error) => formatSyntaxProblem(error, error.file));
      const more = errors.length > 5 ? `\n(and ${errors.length - 5} more errors)` : '';
      return {
        ok: false,
        message: `Your code does not compile (a Python syntax error):\n${shown.join('\n')}${more}`,
        errors: errors.map(({ file, line, column, text }) => ({ file, line, column, text })),
      };
    }
    // What observed runs start with (python3 .grader-tasks.py solution.py ARGS): see task-bootstrap.ts.
    await writeFile(path.join(staging, TASK_BOOTSTRAP_FILE), TASK_BOOTSTRAP_SOURCE);
    await writeFile(path.join(staging, DONE_MARKER), `${python}\n`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return { ok: false, message: `The build failed: ${(error as Error).message}`, errors: [] };
  }
  await mkdir(options.cacheDir, { recursive: true });
  try {
    await rename(staging, outDir);
  } catch {
    // Another grader built the same sources at the same moment: theirs is as good as ours.
    await rm(staging, { recursive: true, force: true });
  }
  return { ok: true, program, cached: false };
}
