import path from 'node:path';
import { GitError } from '../ci/git.js';
import { runCi } from '../ci/run-ci.js';
import { formatChoices, formatFile } from './grade-command.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';
import { GRADING_OPTIONS } from './options.js';

export const CI_USAGE = `Usage: node grader/launch.mjs ci --base REF [--head REF] [SLUG ...] [grade options]

Grades a pull request that students cannot tamper with: the solution files (assignments/SLUG/*.ts)
of HEAD are graded with the grader, specs and references of BASE. Every other file that HEAD
changes since it left BASE is reported as tampering (and not used), and the check fails.

Options:
  --base REF        the trusted commit (the pull request's base branch); required
  --head REF        the student's commit (default HEAD)
  --repo DIR        the git repository (default: this one)
  --keep            keep the graded tree and print where it is
  --format NAME, --output FILE, --json FILE, --jobs N, --seed N, --show-hidden, SLUG ...
                    as for npm run grade (output paths are relative to this directory)

Exit status: 0 every exercise passed and nothing else changed, 1 some exercise failed or a file
outside assignments/SLUG/*.ts changed, 2 bad usage, a bad ref or a bad spec.`;

/** `node grader/launch.mjs ci --base REF ...` */
export const ciCommand = defineCommand({
  usage: CI_USAGE,
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    repo: { type: 'string' },
    keep: { type: 'boolean' },
    ...GRADING_OPTIONS,
  },
  async run({ values, positionals, tokens, env, usageError, wholeNumber }) {
    if (!values.base) throw usageError('--base REF is required.');
    wholeNumber(values.jobs, '--jobs');
    wholeNumber(values.seed, '--seed', 0);
    const choices = formatChoices(tokens);
    const gradeArgs: string[] = [...positionals];
    let summaryFile: string | undefined;
    for (const choice of choices) {
      const file = formatFile(choice, process.env);
      gradeArgs.push('--format', choice.name, ...(file === undefined ? [] : ['--output', path.resolve(file)]));
      if (choice.name === 'github' && file !== undefined) summaryFile = path.resolve(file);
    }
    if (values.json) gradeArgs.push('--json', path.resolve(values.json));
    if (values.jobs) gradeArgs.push('--jobs', values.jobs);
    if (values.seed) gradeArgs.push('--seed', values.seed);
    if (values['show-hidden']) gradeArgs.push('--show-hidden');
    try {
      const outcome = await runCi({
        repo: path.resolve(values.repo ?? env.root),
        base: values.base,
        head: values.head ?? 'HEAD',
        nodeModules: path.join(env.root, 'node_modules'),
        gradeArgs,
        ...(summaryFile === undefined ? {} : { summaryFile }),
        annotations: choices.some((c) => c.name === 'github'),
        keep: values.keep ?? false,
        write: (text) => void process.stdout.write(text),
        writeError: (text) => void process.stderr.write(text),
      });
      return outcome.status;
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message);
      throw error;
    }
  },
});
