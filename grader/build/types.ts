/**
 * A solution folder built in its language: TypeScript's every .ts file became a .js file of the
 * same name (esbuild); Python's .py files were checked and copied.
 */
export interface BuiltProgram {
  /** Host directory holding the program's files (TypeScript: the built .js files and a package.json saying "type": "module"). */
  dir: string;
  /** File name of the program to run, e.g. "solution.js" or "solution.py". */
  entry: string;
  /** The language it is written in (grader/languages/; default "typescript"). */
  language?: string;
  /** The folder the sources came from. */
  sourceDir: string;
  /**
   * Only for `npm run check -- --mutate`: the Stryker mutant to switch on in this mutation-
   * instrumented build (given to the program as __STRYKER_ACTIVE_MUTANT__; never set otherwise).
   */
  activeMutant?: string;
}

export interface BuildError {
  file: string;
  line: number;
  column: number;
  text: string;
}

export type BuildResult = { ok: true; program: BuiltProgram; cached: boolean } | { ok: false; message: string; errors: BuildError[] };
