import path from 'node:path';
import { gradeUpload } from '../gradescope/grade-upload.js';
import { defineCommand } from './command.js';
import { JOBS_OPTION } from './options.js';

const USAGE = `Usage: node grader/launch.mjs gradescope [--autograder DIR] [--jobs N]

Run by the Gradescope autograder's run_autograder (see docs/platforms.md): takes the student's
.ts files from DIR/submission in whichever layout they were uploaded (assignments/SLUG/...,
SLUG/..., or the files themselves, possibly inside one folder), puts them in place of the
starters of the exercises they belong to (an exercise without uploaded files keeps its starter,
and the output says so), grades every exercise and writes DIR/results/results.json.

Options:
  --autograder DIR  Gradescope's root (default $AUTOGRADER_ROOT, else /autograder)
  --jobs N          tests run at once (default 1: Gradescope's default container has half a CPU)`;

/** `node grader/launch.mjs gradescope`: grade a Gradescope upload. */
export const gradescopeCommand = defineCommand({
  usage: USAGE,
  options: { autograder: { type: 'string' }, ...JOBS_OPTION },
  positionals: { max: 0 },
  async run({ values, env, wholeNumber }) {
    const autograder = path.resolve(values.autograder ?? process.env.AUTOGRADER_ROOT ?? '/autograder');
    await gradeUpload({ autograder, root: env.root, jobs: wholeNumber(values.jobs, '--jobs') ?? 1, write: (text) => void process.stdout.write(text) });
    return 0;
  },
});
