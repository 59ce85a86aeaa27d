import { access } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { buildSolution } from '../build/build.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run exercise -- [--solutions DIR] SLUG [ARGS ...]

Builds your solution exactly as the grader does and runs it here, by hand, with ARGS,
your terminal as its standard input and output, from the directory you are in.`;

/** `npm run exercise -- SLUG [args]`: build and run one solution by hand. */
export const exerciseCommand = defineCommand({
  usage: USAGE,
  options: { solutions: { type: 'string' } },
  optionsFirst: true,
  positionals: { min: 1 },
  async run({ values, positionals, env, usageError }) {
    const [slug, ...programArgs] = positionals as [string, ...string[]];
    // npm runs scripts from the package root; paths and the program are relative to where the student typed the command.
    const cwd = process.env.INIT_CWD ?? process.cwd();
    const solutionsDir = values.solutions === undefined ? path.join(env.root, 'assignments') : path.resolve(cwd, values.solutions);
    const sourceDir = path.join(solutionsDir, slug);
    try {
      await access(path.join(sourceDir, 'solution.ts'));
    } catch {
      throw usageError(`There is no ${path.relative(process.cwd(), path.join(sourceDir, 'solution.ts'))}.`);
    }
    const built = await buildSolution(sourceDir, { cacheDir: path.join(env.root, '.cache', 'build') });
    if (!built.ok) {
      process.stderr.write(`${built.message}\n`);
      return 1;
    }
    const child = await execa(process.execPath, [path.join(built.program.dir, built.program.entry), ...programArgs], {
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
