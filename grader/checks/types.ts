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

/** What a check kind needs besides its test's run; the loader and the grader ask the kind, never its name. */
export interface KindNeeds {
  /** The test must set `observe: true` (the grader watches the program's processes). */
  observation?: boolean;
  /** The test must have a `feed`: its runs are the splits of the fed bytes. */
  feed?: boolean;
  /** The reference solution's run of the same test (`context.reference`). */
  reference?: boolean;
  /** The threads of a node program that starts no Worker (`context.threadBaselines`), measured by the grader. */
  threadBaseline?: boolean;
}

/** A problem in one check's configuration that the JSON schema cannot say; `path` is below the check. */
export interface ConfigProblem {
  path?: Array<string | number>;
  message: string;
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
  /** What the kind needs besides the run (default nothing). */
  needs?: KindNeeds;
  /** False for kinds that do not read what the program printed (exit status, timing): output hints then do not apply. Default true. */
  readsOutput?: boolean;
  /** The kind compares a feed's splits with each other: its result is taken once, not per split. */
  comparesSplits?: boolean;
  /**
   * How many stdout lines the check pins exactly, for hints about missing lines; `failed` says
   * whether this check failed in the run at hand. Undefined when it does not pin a number.
   */
  expectedLineCount?(config: Readonly<Record<string, unknown>>, failed: boolean): number | undefined;
  /** Rules across the configuration's fields that the schema cannot say (checked when the spec loads). */
  validate?(config: Readonly<Record<string, unknown>>): ConfigProblem[];
  run(config: Config, context: CheckContext): CheckOutcome;
}
