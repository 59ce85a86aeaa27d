// The program's environment: base variables plus the test's, nothing of the grader's own.
import path from 'node:path';

/** Name of the variable that marks a weak-tier run's processes when no private uid exists. */
export const MARKER_VARIABLE = 'GRADER_RUN_MARKER';

/**
 * The variable that switches on one mutant of a mutation-instrumented build (StrykerJS's mutant
 * switching). It reaches a program only through `mutantVariable` for a build that names its active
 * mutant, which only `npm run check -- --mutate` makes: a test's `env` cannot set it.
 */
export const ACTIVE_MUTANT_VARIABLE = '__STRYKER_ACTIVE_MUTANT__';

/** The active-mutant variable for a mutation run's build; nothing for every other program. */
export function mutantVariable(activeMutant: string | undefined): Record<string, string> {
  return activeMutant === undefined ? {} : { [ACTIVE_MUTANT_VARIABLE]: activeMutant };
}

/** PATH for the program: Node's own directory first, then the usual system directories. */
export function programPath(nodeExecPath: string = process.execPath): string {
  const dirs = [path.dirname(nodeExecPath), '/usr/local/bin', '/usr/bin', '/bin'];
  return [...new Set(dirs)].join(':');
}

/** Base variables + the test's (null removes a base variable). */
export function buildEnvironment(home: string, testEnv: Record<string, string | null> = {}, nodeExecPath: string = process.execPath): Record<string, string> {
  const env: Record<string, string> = {
    PATH: programPath(nodeExecPath),
    HOME: home,
    LANG: 'C.UTF-8',
  };
  for (const [name, value] of Object.entries(testEnv)) {
    if (name === ACTIVE_MUTANT_VARIABLE) continue;
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return env;
}
