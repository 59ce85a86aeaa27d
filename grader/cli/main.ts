import { SpecError } from '../spec/spec-error.js';
import { UsageError } from '../util/usage-error.js';
import { benchCommand } from './bench-command.js';
import { checkCommand } from './check-command.js';
import { ciCommand } from './ci-command.js';
import type { CliEnvironment, Command } from './command.js';
import { exerciseCommand } from './exercise-command.js';
import { exportCommand } from './export-command.js';
import { flakesCommand } from './flakes-command.js';
import { gradescopeCommand } from './gradescope-command.js';
import { gradeCommand } from './grade-command.js';
import { mergeCommand } from './merge-command.js';
import { newCommand } from './new-command.js';
import { reliabilityCommand } from './reliability-command.js';
import { reportCommand } from './report-command.js';
import { schemaCommand } from './schema-command.js';

export type { CliEnvironment } from './command.js';

const COMMANDS: Record<string, Command> = {
  grade: gradeCommand,
  exercise: exerciseCommand,
  schema: schemaCommand,
  bench: benchCommand,
  ci: ciCommand,
  merge: mergeCommand,
  report: reportCommand,
  reliability: reliabilityCommand,
  flakes: flakesCommand,
  check: checkCommand,
  new: newCommand,
  export: exportCommand,
  gradescope: gradescopeCommand,
};

/** The message for an error the user must fix (exit status 2), or undefined for a bug in the grader. */
function usageMessage(error: unknown): string | undefined {
  if (error instanceof UsageError) return error.message;
  if (error instanceof SpecError) return `A spec is not valid:\n${error.message}`;
  return undefined;
}

/** Runs one grader command; resolves with the process exit status (0 ok, 1 failures, 2 bad usage or spec). */
export async function main(argv: string[], env: CliEnvironment): Promise<number> {
  const [command = 'grade', ...rest] = argv;
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return 2;
  }
  try {
    return await run(rest, env);
  } catch (error) {
    const message = usageMessage(error);
    if (message !== undefined) {
      process.stderr.write(`${message}\n`);
      return 2;
    }
    process.stderr.write(`The grader itself failed; this is a bug in the grader, not in your solution:\n${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
