import { grade } from '../grade/grade.js';
import { FORMATS } from '../report/index.js';
import { jsonReporter } from '../report/json.js';
import { liveApplies, liveProgress } from '../report/live.js';
import type { Reporter } from '../report/types.js';
import { batchCommand } from './batch-command.js';
import { watchCommand } from './watch-command.js';
import { defineCommand, type ArgToken } from './command.js';
import { GRADING_OPTIONS, LANGUAGE_OPTION, chosenLanguage } from './options.js';
import { UsageError } from '../util/usage-error.js';
import { languageNames } from '../languages/index.js';

export const GRADE_USAGE = `Usage: npm run grade -- [SLUG ...] [options]

Grades every exercise (or only the SLUGs named) and prints what failed and why.

Options:
  --solutions DIR   grade the solutions in DIR/SLUG/ instead of assignments/SLUG/
  --language NAME   grade the solutions in this language (${languageNames().join(', ')}): its entry file
                    (solution.py), in DIR/SLUG/NAME/ when that folder has it (reference/SLUG/python/);
                    default: each folder's own (solution.ts or solution.py, never both)
  --json FILE       also write the results as JSON to FILE
  --format NAME     an output format (repeatable; default console):
${formatList()}
  --output FILE     where the --format just before it writes (default: its file above)
  --jobs N          tests run at once (default: the number of cores)
  --seed N          seed for every randomised test (to replay a reported failure)
  --show-hidden     show the details of hidden tests too (instructors)
  --all-tests       run every test even after a failure (see below)
  --watch           grade, then grade an exercise again each time one of its files is saved
  -h, --help        this text

A whole class (DIR/STUDENT/SLUG/..., or DIR/STUDENT/assignments/SLUG/...):
  --submissions DIR every student against every spec (or the SLUGs named); progress on stderr
  --out-dir DIR     write DIR/scores.csv, DIR/scores.json and the class report DIR/report.html
                    (default batch-results/; with --json/--csv the report goes beside them)
  --csv FILE        write the CSV (student, exercise, points, maxPoints, status) to FILE
  --json FILE       write the JSON of scores to FILE (merge shards with the merge command)
  --shard I/N       grade only shard I of N (students in name order, every N-th)

Failures first: on the console, each exercise's cheap tests run first, and when one fails its
costly tests (repeated trials, timing tests that hold the machine, generated cases, tests that
last a second by their own checks or must see 32 threads or more) are reported
as "not run: fix the failures above first" and score 0. Every test runs with --all-tests, with
any --format or --json (scores that are recorded never depend on order), under CI (the CI
variable is set), and with --submissions.

Exit status: 0 every exercise passed (with --submissions: the scores were written), 1 some did
not, 2 bad usage or a bad spec.`;

function formatList(): string {
  const width = Math.max(...Object.keys(FORMATS).map((name) => name.length)) + 1;
  return Object.entries(FORMATS)
    .map(([name, format]) => `                      ${name.padEnd(width)}${format.description}`)
    .join('\n');
}

/** An output format chosen on the command line, with its --output if one followed it. */
export interface FormatChoice {
  name: string;
  output?: string;
}

/** Pairs the repeatable --format NAME and --output FILE options (each --output belongs to the --format before it). */
export function formatChoices(tokens: readonly ArgToken[]): FormatChoice[] {
  const choices: FormatChoice[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') {
      if (!Object.hasOwn(FORMATS, token.value)) {
        throw new UsageError(`Unknown format "${token.value}". Formats: ${Object.keys(FORMATS).join(', ')}.\n\n${GRADE_USAGE}`);
      }
      choices.push({ name: token.value });
    } else if (token.name === 'output') {
      const last = choices.at(-1);
      if (!last || last.output !== undefined) throw new UsageError(`--output ${token.value} must follow the --format it is for.\n\n${GRADE_USAGE}`);
      if (!FORMATS[last.name]?.defaultFile) throw new UsageError(`The ${last.name} format prints on standard output; it takes no --output.\n\n${GRADE_USAGE}`);
      last.output = token.value;
    }
  }
  // Classroom's reporter prints the points notices from classroom-result's output: our own notices too would make two.
  if (choices.some((c) => c.name === 'classroom') && choices.some((c) => c.name === 'classroom-result')) {
    throw new UsageError(
      "--format classroom prints Classroom's points notices, and --format classroom-result hands the points to Classroom's reporter action, " +
        'which prints the same notices: choose one (two "Points" notices would conflict).\n\n' +
        GRADE_USAGE,
    );
  }
  return choices;
}

/** The file a chosen format writes: its --output, else its default (undefined for standard output). */
export function formatFile(choice: FormatChoice, env: Record<string, string | undefined>): string | undefined {
  return choice.output ?? FORMATS[choice.name]?.defaultFile?.(env);
}

/**
 * The reporters for the chosen formats (console when none), then --json's, with Classroom's
 * notices last. The console on a terminal (not CI) also gets the live lines of running tests.
 */
export function reportersFor(choices: FormatChoice[], options: { root: string; showHidden: boolean; json?: string | undefined }): Reporter[] {
  const chosen = choices.length > 0 ? choices : [{ name: 'console' }];
  const live = chosen.some((c) => c.name === 'console') && liveApplies(process.stdout, process.env) ? liveProgress(process.stdout) : undefined;
  const write = live ? live.write : (text: string): void => void process.stdout.write(text);
  const create = (choice: FormatChoice): Reporter =>
    FORMATS[choice.name]!.create({ root: options.root, file: formatFile(choice, process.env), showHidden: options.showHidden, write });
  return [
    ...(live ? [live.reporter] : []),
    ...chosen.filter((c) => c.name !== 'classroom').map(create),
    ...(options.json ? [jsonReporter(options.json)] : []),
    ...chosen
      .filter((c) => c.name === 'classroom')
      .slice(0, 1)
      .map(create),
  ];
}

/**
 * Whether a grading may skip costly tests after a cheap failure: only for a person reading the
 * console. Recorded scores (any --format or --json) and CI always run every test.
 */
export function failuresFirstApplies(options: {
  allTests: boolean;
  choices: FormatChoice[];
  json: string | undefined;
  env: Record<string, string | undefined>;
}): boolean {
  if (options.allTests || options.json !== undefined) return false;
  if (options.env.CI !== undefined && options.env.CI !== '' && options.env.CI !== 'false') return false;
  return options.choices.every((choice) => choice.name === 'console');
}

/** `npm run grade -- ...` */
export const gradeCommand = defineCommand({
  usage: GRADE_USAGE,
  options: {
    ...GRADING_OPTIONS,
    solutions: { type: 'string' },
    ...LANGUAGE_OPTION,
    submissions: { type: 'string' },
    shard: { type: 'string' },
    'out-dir': { type: 'string' },
    csv: { type: 'string' },
    watch: { type: 'boolean' },
    'all-tests': { type: 'boolean' },
  },
  async run({ values, positionals, tokens, env, usageError, wholeNumber }) {
    const jobs = wholeNumber(values.jobs, '--jobs');
    const language = chosenLanguage(values.language, usageError);
    const seed = wholeNumber(values.seed, '--seed', 0);
    if (values.submissions !== undefined) {
      const misplaced = (['solutions', 'format', 'output', 'show-hidden', 'language'] as const).filter((name) => values[name] !== undefined);
      if (misplaced.length > 0) throw usageError(`${misplaced.map((n) => `--${n}`).join(', ')} cannot be used with --submissions.`);
      const batch = { submissions: values.submissions, slugs: positionals, shard: values.shard, outDir: values['out-dir'], csv: values.csv, json: values.json };
      return batchCommand({ ...batch, jobs, seed }, env);
    }
    const batchOnly = (['shard', 'out-dir', 'csv'] as const).filter((name) => values[name] !== undefined);
    if (batchOnly.length > 0) throw usageError(`${batchOnly.map((n) => `--${n}`).join(', ')} needs --submissions DIR.`);
    const choices = formatChoices(tokens);
    const failuresFirst = failuresFirstApplies({ allTests: values['all-tests'] ?? false, choices, json: values.json, env: process.env });
    const makeReporters = (): Reporter[] => reportersFor(choices, { root: env.root, showHidden: values['show-hidden'] ?? false, json: values.json });
    if (values.watch)
      return watchCommand({
        root: env.root,
        slugs: positionals,
        reporters: makeReporters,
        solutionsDir: values.solutions,
        language,
        jobs,
        seed,
        failuresFirst,
      });
    const summary = await grade({
      root: env.root,
      slugs: positionals,
      reporters: makeReporters(),
      failuresFirst,
      ...(values.solutions === undefined ? {} : { solutionsDir: values.solutions }),
      ...(language === undefined ? {} : { language }),
      ...(jobs === undefined ? {} : { jobs }),
      ...(seed === undefined ? {} : { seed }),
    });
    return summary.exercises.every((e) => e.status === 'passed') ? 0 : 1;
  },
});
