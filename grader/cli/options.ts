// Option tables shared by several commands: each shared option is declared once.
import { languageNames } from '../languages/index.js';
import type { UsageError } from '../util/usage-error.js';
import type { OptionTable } from './command.js';

/** --jobs N: tests run at once (grade, ci, check, reliability). */
export const JOBS_OPTION = { jobs: { type: 'string' } } as const satisfies OptionTable;

/** How a grading runs and reports (grade, and ci, which hands them on to grade). */
export const GRADING_OPTIONS = {
  json: { type: 'string' },
  format: { type: 'string', multiple: true },
  output: { type: 'string', multiple: true },
  ...JOBS_OPTION,
  seed: { type: 'string' },
  'show-hidden': { type: 'boolean' },
} as const satisfies OptionTable;

/** --language NAME: the solutions' language (grade, exercise, check, export). */
export const LANGUAGE_OPTION = { language: { type: 'string' } } as const satisfies OptionTable;

/** The --language value when it names a language of grader/languages/; a usage error otherwise. */
export function chosenLanguage(value: string | undefined, usageError: (message: string) => UsageError): string | undefined {
  if (value !== undefined && !languageNames().includes(value)) throw usageError(`--language takes one of ${languageNames().join(', ')}, not "${value}".`);
  return value;
}
