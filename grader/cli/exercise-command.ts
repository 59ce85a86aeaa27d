import { access } from 'node:fs/promises';
import { locateSolution } from '../languages/index.js';
import path from 'node:path';
import { execa } from 'execa';
import { buildSolution } from '../build/build.js';
import { loadSpec } from '../spec/load.js';
import { defineCommand } from './command.js';
import { LANGUAGE_OPTION, chosenLanguage } from './options.js';

const USAGE = `Usage: npm run exercise -- [--solutions DIR] [--language NAME] SLUG [ARGS ...]

Builds your solution exactly as the grader does and runs it here, by hand, with ARGS,
your terminal as its standard input and output, from the directory you are in (so that it
reads and writes your own test files there). It runs the file the grader runs (the spec's
entry, solution.ts or solution.py unless the spec says otherwise; --language NAME chooses
when the folder holds both). From a directory outside the repository:
  npm --prefix /path/to/the/repository run exercise -- [--solutions DIR] SLUG [ARGS ...]
(DIR is read from the directory you are in; the default is the repository's assignments/).`;

/** The file the grader runs for this exercise: its spec's `entry` (solution when there is no spec). */
async function entryOf(root: string, slug: string): Promise<string> {
  const specFile = path.join(root, 'specs', `${slug}.yaml`);
  try {
    await access(specFile);
  } catch {
    return 'solution';
  }
  return (await loadSpec(specFile)).entry;
}

/** `npm run exercise -- SLUG [args]`: build and run one solution by hand. */
export const exerciseCommand = defineCommand({
  usage: USAGE,
  options: { solutions: { type: 'string' }, ...LANGUAGE_OPTION },
  optionsFirst: true,
  positionals: { min: 1 },
  async run({ values, positionals, env, usageError }) {
    const [slug, ...programArgs] = positionals as [string, ...string[]];
    // npm runs scripts from the package root; paths and the program are relative to where the student typed the command.
    const cwd = process.env.INIT_CWD ?? process.cwd();
    const solutionsDir = values.solutions === undefined ? path.join(env.root, 'assignments') : path.resolve(cwd, values.solutions);
    const sourceDir = path.join(solutionsDir, slug);
    const entry = await entryOf(env.root, slug);
    const location = locateSolution(sourceDir, entry, chosenLanguage(values.language, usageError));
    if (location.found === false && location.ambiguous) throw usageError(location.message);
    if (!location.found) throw usageError(`There is no ${path.relative(cwd, location.entryFile)}.`);
    const built = await buildSolution(location.dir, { cacheDir: path.join(env.root, '.cache', 'build'), entry, language: location.language.name });
    if (!built.ok) {
      process.stderr.write(`${built.message}\n`);
      return 1;
    }
    const [file, ...args] = location.language.command(path.join(built.program.dir, built.program.entry), programArgs, {});
    const child = await execa(file!, args, {
      cwd,
      stdio: 'inherit',
      reject: false,
    });
    if (child.signal) {
      process.stderr.write(`(the program was killed by ${child.signal})\n`);
      return 1;
    }
    return child.exitCode ?? 1;
  },
});
