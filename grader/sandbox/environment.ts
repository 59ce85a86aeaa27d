// The program's environment: base variables plus the test's, nothing of the grader's own.
import path from 'node:path';

/** Name of the variable that marks a weak-tier run's processes when no private uid exists. */
export const MARKER_VARIABLE = 'GRADER_RUN_MARKER';

/** PATH for the program: Node's own directory first, then the usual system directories. */
export function programPath(nodeExecPath: string = process.execPath): string {
  const dirs = [path.dirname(nodeExecPath), '/usr/local/bin', '/usr/bin', '/bin'];
  return [...new Set(dirs)].join(':');
}

/** Base variables + the test's (null removes a base variable). */
export function buildEnvironment(
  home: string,
  testEnv: Record<string, string | null> = {},
  nodeExecPath: string = process.execPath,
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: programPath(nodeExecPath),
    HOME: home,
    LANG: 'C.UTF-8',
  };
  for (const [name, value] of Object.entries(testEnv)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return env;
}
