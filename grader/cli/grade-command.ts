import { parseArgs } from 'node:util';
import { grade, UsageError } from '../grade/grade.js';
import { FORMATS } from '../report/index.js';
import { jsonReporter } from '../report/json.js';
import type { Reporter } from '../report/types.js';
import { SpecError } from '../spec/spec-error.js';
import { batchCommand } from './batch-command.js';
import { watchCommand } from './watch-command.js';
import type { CliEnvironment } from './main.js';
import { CliUsageError } from './usage.js';

export const GRADE_USAGE = `Usage: npm run grade -- [SLUG ...] [options]

Grades every exercise (or only the SLUGs named) and prints what failed and why.

Options:
  --solutions DIR   grade the solutions in DIR/SLUG/ instead of assignments/SLUG/
  --json FILE       also write the results as JSON to FILE
  --format NAME     an output format (repeatable; default console):
${formatList()}
  --output FILE     where the --format just before it writes (default: its file above)
  --jobs N          tests run at once (default: the number of cores)
  --seed N          seed for every randomised test (to replay a reported failure)
  --show-hidden     show the details of hidden tests too (instructors)
  --watch           grade, then grade an exercise again each time one of its files is saved
  -h, --help        this text

A whole class (DIR/STUDENT/SLUG/..., or DIR/STUDENT/assignments/SLUG/...):
  --submissions DIR every student against every spec (or the SLUGs named); progress on stderr
  --out-dir DIR     write DIR/scores.csv and DIR/scores.json (default batch-results/)
  --csv FILE        write the CSV (student, exercise, points, maxPoints, status) to FILE
  --json FILE       write the JSON of scores to FILE (merge shards with the merge command)
  --shard I/N       grade only shard I of N (students in name order, every N-th)

Exit status: 0 every exercise passed (with --submissions: the scores were written), 1 some did
not, 2 bad usage or a bad spec.`;

function formatList(): string {
  return Object.entries(FORMATS)
    .map(([name, format]) => `                      ${name.padEnd(11)}${format.description}`)
    .join('\n');
}

/** An output format chosen on the command line, with its --output if one followed it. */
export interface FormatChoice {
  name: string;
  output?: string;
}

/** Pairs the repeatable --format NAME and --output FILE options (each --output belongs to the --format before it). */
export function formatChoices(tokens: Array<{ kind: string; name?: string; value?: string | undefined }>): FormatChoice[] {
  const choices: FormatChoice[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') {
      if (!Object.hasOwn(FORMATS, token.value)) {
        throw new CliUsageError(`Unknown format "${token.value}". Formats: ${Object.keys(FORMATS).join(', ')}.\n\n${GRADE_USAGE}`);
      }
      choices.push({ name: token.value });
    } else if (token.name === 'output') {
      const last = choices.at(-1);
      if (!last || last.output !== undefined) throw new CliUsageError(`--output ${token.value} must follow the --format it is for.\n\n${GRADE_USAGE}`);
      if (!FORMATS[last.name]?.defaultFile) throw new CliUsageError(`The ${last.name} format prints on standard output; it takes no --output.\n\n${GRADE_USAGE}`);
      last.output = token.value;
    }
  }
  return choices;
}

/** The file a chosen format writes: its --output, else its default (undefined for standard output). */
export function formatFile(choice: FormatChoice, env: Record<string, string | undefined>): string | undefined {
  return choice.output ?? FORMATS[choice.name]?.defaultFile?.(env);
}

/** The reporters for the chosen formats (console when none), then --json's, with Classroom's notices last. */
export function reportersFor(choices: FormatChoice[], options: { root: string; showHidden: boolean; json?: string | undefined }): Reporter[] {
  const chosen = choices.length > 0 ? choices : [{ name: 'console' }];
  const write = (text: string): void => void process.stdout.write(text);
  const create = (choice: FormatChoice): Reporter =>
    FORMATS[choice.name]!.create({ root: options.root, file: formatFile(choice, process.env), showHidden: options.showHidden, write });
  return [
    ...chosen.filter((c) => c.name !== 'classroom').map(create),
    ...(options.json ? [jsonReporter(options.json)] : []),
    ...chosen.filter((c) => c.name === 'classroom').slice(0, 1).map(create),
  ];
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliUsageError(`${flag} takes a whole number, not "${value}".\n\n${GRADE_USAGE}`);
  return Number(value);
}

/** `npm run grade -- ...` */
export async function gradeCommand(args: string[], env: CliEnvironment): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      tokens: true,
      options: {
        solutions: { type: 'string' },
        json: { type: 'string' },
        format: { type: 'string', multiple: true },
        output: { type: 'string', multiple: true },
        jobs: { type: 'string' },
        seed: { type: 'string' },
        'show-hidden': { type: 'boolean' },
        submissions: { type: 'string' },
        shard: { type: 'string' },
        'out-dir': { type: 'string' },
        csv: { type: 'string' },
        watch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n\n${GRADE_USAGE}`);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    process.stdout.write(`${GRADE_USAGE}\n`);
    return 0;
  }
  const jobs = integer(values.jobs, '--jobs');
  const seed = integer(values.seed, '--seed');
  if (values.submissions !== undefined) {
    const misplaced = ['solutions', 'format', 'output', 'show-hidden'].filter((name) => values[name as keyof typeof values] !== undefined);
    if (misplaced.length > 0) {
      throw new CliUsageError(`${misplaced.map((n) => `--${n}`).join(', ')} cannot be used with --submissions.\n\n${GRADE_USAGE}`);
    }
    const batch = { submissions: values.submissions, slugs: positionals, shard: values.shard, outDir: values['out-dir'], csv: values.csv, json: values.json };
    return batchCommand({ ...batch, jobs, seed }, env);
  }
  const batchOnly = ['shard', 'out-dir', 'csv'].filter((name) => values[name as keyof typeof values] !== undefined);
  if (batchOnly.length > 0) throw new CliUsageError(`${batchOnly.map((n) => `--${n}`).join(', ')} needs --submissions DIR.\n\n${GRADE_USAGE}`);
  const choices = formatChoices(tokens);
  const makeReporters = (): Reporter[] => reportersFor(choices, { root: env.root, showHidden: values['show-hidden'] ?? false, json: values.json });
  if (values.watch) {
    try {
      return await watchCommand({ root: env.root, slugs: positionals, reporters: makeReporters, solutionsDir: values.solutions, jobs, seed });
    } catch (error) {
      if (error instanceof SpecError) throw new CliUsageError(`A spec is not valid:\n${error.message}`);
      if (error instanceof UsageError) throw new CliUsageError(error.message);
      throw error;
    }
  }
  const reporters: Reporter[] = makeReporters();
  try {
    const summary = await grade({
      root: env.root,
      slugs: positionals,
      reporters,
      ...(values.solutions === undefined ? {} : { solutionsDir: values.solutions }),
      ...(jobs === undefined ? {} : { jobs }),
      ...(seed === undefined ? {} : { seed }),
    });
    return summary.exercises.every((e) => e.status === 'passed') ? 0 : 1;
  } catch (error) {
    if (error instanceof SpecError) throw new CliUsageError(`A spec is not valid:\n${error.message}`);
    if (error instanceof UsageError) throw new CliUsageError(error.message);
    throw error;
  }
}
