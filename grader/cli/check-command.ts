import { checkCatalog } from '../instructor/check.js';
import { mutateCommand, mutationSummary, pythonMutationSummary } from '../mutation/command.js';
import { strengthTable } from '../instructor/strength-table.js';
import { catalogPromises, promiseProblem, promiseTable } from '../instructor/promises.js';
import { detectSandbox, sandboxSummary } from '../run/index.js';
import { languageNames } from '../languages/index.js';
import { defineCommand } from './command.js';
import { JOBS_OPTION, LANGUAGE_OPTION, chosenLanguage } from './options.js';
import { fixedSeconds } from '../util/time.js';

const USAGE = `Usage: npm run check -- [SLUG ...] [--jobs N] [--language NAME]
       npm run check -- --mutate [SLUG ...] [--jobs N] [--language NAME]

For instructors: validates every spec (or only the SLUGs named) against specs/schema.json,
grades every reference (it must pass every test) and every known-bad variant in
reference/SLUG/wrong/NAME/ (it must fail as the spec's mustReject.NAME says), and prints
how strong each spec is. A spec whose known-bad variants all pass is weak. Then the mutation
score of each spec, from the last recorded mutation run (specs/mutation/SLUG.results.json):
a score below 95%, a run that no longer matches the reference, spec or equivalents file, or
none at all is a problem.
Then the promise table: what each statement promises (worker threads, a child process, no busy
waiting, in parallel, in any order, timing, files, exit statuses, flags) and the tests that
check it; a promise no test checks, or a check the statement never announces, is a problem.

--mutate: mutation-tests the references instead (StrykerJS's mutants of reference/SLUG/*.ts,
each graded against the spec until its first failed test), records each exercise's result and
rewrites the table of docs/mutation.md. Slow: name the exercises you changed.
With --language python: the Python references (reference/SLUG/python/*.py) instead, mutated by
grader/mutation/python/mutants.py, recorded in specs/mutation/SLUG.python.results.json; their
table is reported by the plain check but not gated.

--language NAME: only the references and known-bad variants of that language (${languageNames().join(', ')});
without it, every language's, and every mustReject entry must have its variant.

Exit status: 0 all is well, 1 any problem (listed at the end), 2 bad usage.`;

/** ": the first problem's first line (and how many more)", so that a BAD line says why at once. */
function firstProblem(problems: readonly { message: string }[]): string {
  const [first] = problems;
  if (first === undefined) return '';
  const lines = first.message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const shown = lines.slice(0, 2).join(' ');
  const more = problems.length - 1 + (lines.length > 2 ? 1 : 0);
  return `: ${shown}${more > 0 ? ' (more at the end)' : ''}`;
}

/** `npm run check`: the catalog's specs, references and known-bad variants, and a strength table. */
export const checkCommand = defineCommand({
  usage: USAGE,
  options: { ...JOBS_OPTION, mutate: { type: 'boolean' }, ...LANGUAGE_OPTION },
  async run({ values, positionals, env, wholeNumber, usageError }) {
    const jobs = wholeNumber(values.jobs, '--jobs');
    const language = chosenLanguage(values.language, usageError);
    const write = (text: string): void => void process.stdout.write(text);
    write(`${sandboxSummary(await detectSandbox())}\n\n`);
    if (values.mutate) {
      if (language !== undefined && language !== 'typescript' && language !== 'python')
        throw usageError(`--mutate takes --language typescript or python, not ${language}.`);
      return mutateCommand({
        root: env.root,
        slugs: positionals,
        ...(jobs === undefined ? {} : { jobs }),
        ...(language === undefined ? {} : { language }),
        write,
      });
    }
    const result = await checkCatalog({
      root: env.root,
      slugs: positionals,
      ...(jobs === undefined ? {} : { jobs }),
      ...(language === undefined ? {} : { languages: [language] }),
      onExercise: (exercise, problems) => write(`${problems.length === 0 ? 'ok ' : 'BAD'} ${exercise.slug}${firstProblem(problems)}\n`),
    });
    write(`\n${strengthTable(result)}\n`);
    // The mutation score of each valid spec, from its recorded run (stale, missing or low: a problem).
    const mutation = await mutationSummary(
      env.root,
      result.exercises.filter((e) => e.strength !== 'invalid').map((e) => e.slug),
    );
    write(`${mutation.text}\n`);
    result.problems.push(...mutation.problems);
    const pythonMutation = await pythonMutationSummary(
      env.root,
      result.exercises.filter((e) => e.strength !== 'invalid').map((e) => e.slug),
    );
    if (pythonMutation !== '') write(`${pythonMutation}\n`);
    // Every promise of each statement graded, every check announced (grader/instructor/promises.ts).
    const promises = await catalogPromises(
      env.root,
      result.exercises.filter((e) => e.strength !== 'invalid').map((e) => e.slug),
    );
    write(`\nPromises of the statements and the tests that check them:\n${promiseTable(promises)}\n\n`);
    for (const row of promises) {
      const message = promiseProblem(row);
      if (message !== undefined) result.problems.push({ slug: row.slug, message });
    }
    const took = fixedSeconds(result.durationMs, 1);
    if (result.problems.length === 0) {
      write(`Every spec is valid, every reference passes, every known-bad variant is rejected as intended (${took}).\n`);
      return 0;
    }
    write(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} (${took}):\n`);
    for (const problem of result.problems) write(`- ${problem.slug}: ${problem.message.replace(/\n/g, '\n    ')}\n`);
    return 1;
  },
});
