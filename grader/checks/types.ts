import type { ProgramRun, SplitRun, WorkTreeEntry } from '../run/types.js';
import type { TestSpec } from '../spec/types.js';

/** Everything a check may read. Checks are pure: they never start processes or touch files. */
export interface CheckContext {
  test: TestSpec;
  /** The main process's run. */
  run: ProgramRun;
  /** Every process of a multi-process test, by name ("main" included). */
  runs: Record<string, ProgramRun>;
  /** The reference solution's run of the same test, when a check asks for comparison. */
  reference?: Record<string, ProgramRun>;
  /** The work directory's state after the run, for file-system checks (path → entry). */
  workTree?: Record<string, WorkTreeEntry>;
  /** With a `feed`: every split's run, in order (the other checks run on each; `same-across-splits` compares them). */
  splits?: readonly SplitRun[];
  /**
   * Threads of a node program that starts no Worker, by UV_THREADPOOL_SIZE ('' when unset):
   * measured by the grader for the test's runs when one of its check kinds `needsThreadBaseline`.
   */
  threadBaselines?: Readonly<Record<string, number>>;
}

export type { WorkTreeEntry } from '../run/types.js';

export interface CheckOutcome {
  passed: boolean;
  /** One or two sentences for the student: what was expected, what happened. */
  message: string;
  /** Unified diff (from the `diff` library) of expected and actual text, where text differs. */
  diff?: string;
  /** The likely cause, in the student's terms. */
  hint?: string;
  /**
   * Set when the grader doubts its own measurement (its observer starved, a /proc read raced with
   * an exit): why, in a sentence. Not the student's doing: `passed` is false, and the test is run
   * again; if the doubt stays, it is reported as the grader's error, never as a failure.
   */
  doubt?: string;
}

/**
 * A check kind. One file per kind under grader/checks/, registered in grader/checks/index.ts.
 * `schema` is the JSON Schema of its configuration fields (without `check`, `hint`, `process`,
 * which every check has); it is merged into specs/schema.json.
 */
export interface CheckKind<Config> {
  name: string;
  description: string;
  schema: {
    properties: Record<string, unknown>;
    required?: string[];
  };
  /** The kind reads `threadBaselines` from the context: the grader measures them before the checks run. */
  needsThreadBaseline?: boolean;
  run(config: Config, context: CheckContext): CheckOutcome;
}
