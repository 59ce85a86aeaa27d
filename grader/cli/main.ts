import { checkCommand } from './check-command.js';
import { ciCommand } from './ci-command.js';
import { exportCommand } from './export-command.js';
import { gradeCommand } from './grade-command.js';
import { newCommand } from './new-command.js';
import { exerciseCommand } from './exercise-command.js';
import { schemaCommand } from './schema-command.js';
import { benchCommand } from './bench-command.js';
import { mergeCommand } from './merge-command.js';
import { reliabilityCommand } from './reliability-command.js';
import { CliUsageError } from './usage.js';

export interface CliEnvironment {
  /** The repository root (where package.json, specs/ and reference/ are). */
  root: string;
}

const COMMANDS: Record<string, (args: string[], env: CliEnvironment) => Promise<number>> = {
  grade: gradeCommand,
  exercise: exerciseCommand,
  schema: schemaCommand,
  bench: benchCommand,
  ci: ciCommand,
  merge: mergeCommand,
  reliability: reliabilityCommand,
  check: checkCommand,
  new: newCommand,
  export: exportCommand,
};

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
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`The grader itself failed; this is a bug in the grader, not in your solution:\n${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
