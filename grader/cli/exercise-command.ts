import { access } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { buildSolution } from '../build/build.js';
import type { CliEnvironment } from './main.js';
import { CliUsageError } from './usage.js';

const USAGE = `Usage: npm run exercise -- [--solutions DIR] SLUG [ARGS ...]

Builds your solution exactly as the grader does and runs it here, by hand, with ARGS,
your terminal as its standard input and output, from the directory you are in.`;

/** `npm run exercise -- SLUG [args]`: build and run one solution by hand. */
export async function exerciseCommand(args: string[], env: CliEnvironment): Promise<number> {
  let rest = [...args];
  let solutionsDir = path.join(env.root, 'assignments');
  if (rest[0] === '--solutions') {
    if (rest[1] === undefined) throw new CliUsageError(USAGE);
    solutionsDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), rest[1]);
    rest = rest.slice(2);
  }
  const [slug, ...programArgs] = rest;
  if (slug === undefined || slug === '-h' || slug === '--help') throw new CliUsageError(USAGE);
  const sourceDir = path.join(solutionsDir, slug);
  try {
    await access(path.join(sourceDir, 'solution.ts'));
  } catch {
    throw new CliUsageError(`There is no ${path.relative(process.cwd(), path.join(sourceDir, 'solution.ts'))}.\n\n${USAGE}`);
  }
  const built = await buildSolution(sourceDir, { cacheDir: path.join(env.root, '.cache', 'build') });
  if (!built.ok) {
    process.stderr.write(`${built.message}\n`);
    return 1;
  }
  // npm runs scripts from the package root; run the program where the student typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
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
}
