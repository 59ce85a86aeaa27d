// Option tables shared by several commands: each shared option is declared once.
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
