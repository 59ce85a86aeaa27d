import { parseArgs } from 'node:util';
import { grade, UsageError } from '../grade/grade.js';
import { consoleReporter } from '../report/console.js';
import { jsonReporter } from '../report/json.js';
import type { Reporter } from '../report/types.js';
import { SpecError } from '../spec/spec-error.js';
import type { CliEnvironment } from './main.js';
import { CliUsageError } from './usage.js';

export const GRADE_USAGE = `Usage: npm run grade -- [SLUG ...] [options]

Grades every exercise (or only the SLUGs named) and prints what failed and why.

Options:
  --solutions DIR   grade the solutions in DIR/SLUG/ instead of assignments/SLUG/
  --json FILE       also write the results as JSON to FILE
  --jobs N          tests run at once (default: the number of cores)
  --seed N          seed for every randomised test (to replay a reported failure)
  --show-hidden     show the details of hidden tests too (instructors)
  -h, --help        this text

Exit status: 0 every exercise passed, 1 some did not, 2 bad usage or a bad spec.`;

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
      options: {
        solutions: { type: 'string' },
        json: { type: 'string' },
        jobs: { type: 'string' },
        seed: { type: 'string' },
        'show-hidden': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n\n${GRADE_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${GRADE_USAGE}\n`);
    return 0;
  }
  const reporters: Reporter[] = [consoleReporter({ showHidden: values['show-hidden'] ?? false })];
  if (values.json) reporters.push(jsonReporter(values.json));
  const jobs = integer(values.jobs, '--jobs');
  const seed = integer(values.seed, '--seed');
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
