import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ProgramRun, SplitRun, WorkTreeEntry } from '../run/types.js';
import type { TestSpec } from '../spec/types.js';
import type { Language } from '../languages/types.js';

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
   * Threads of a program of the run's language that starts none of its own (node: under the
   * run's UV_THREADPOOL_SIZE; python3: one), by process name ("main"): measured by the grader
   * (grader/languages/thread-baselines.ts) when one of the test's check kinds needs `threadBaseline`.
   */
  threadBaselines?: Readonly<Record<string, number>>;
  /**
   * The main run's language (grader/languages/), for the words of messages and hints and its file
   * names (child → child.js or child.py). Checks never branch on its name: a new language needs
   * no change here. Absent (unit tests): messages stay language-neutral.
   */
  language?: Language;
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
  /** The threads of a program of the run's language that starts none (`context.threadBaselines`), measured by the grader. */
  threadBaseline?: boolean;
}

/**
 * A kind of promise an exercise's statement makes that a check grades (grader/instructor/promises.ts
 * holds each against the statement: a promise no check grades, or a check the statement never
 * announces, is reported by `npm run check`).
 */
export type StatementPromise = 'worker threads' | 'child process' | 'no busy waiting' | 'in parallel' | 'in any order' | 'timing' | 'files' | 'exit status';

/** A promise a check grades; `value` for exit statuses (`2`). */
export interface GradedPromise {
  promise: StatementPromise;
  value?: string;
}

/** A problem in one check's configuration that the JSON schema cannot say; `path` is below the check. */
export interface ConfigProblem {
  path?: Array<string | number>;
  message: string;
}

/**
 * The JSON Schema of a kind's configuration fields (without `check`, `hint`, `process`, which
 * every check has); it is merged into specs/schema.json. Written once, `as const`, in the kind's
 * file: the kind's configuration type is derived from it (`ConfigOf`), never written beside it.
 */
export interface KindSchema {
  readonly properties: Readonly<Record<string, JSONSchema>>;
  readonly required?: readonly string[];
}

/**
 * The configuration a kind's schema accepts, as a TypeScript type: the one place where schema and
 * type meet. Derived from the schema (json-schema-to-ts's `FromSchema`) rather than the reverse
 * (ajv's `JSONSchemaType<Config>` checking a hand-written schema against a hand-written type),
 * because JSONSchemaType cannot express what our kinds use: it wants `nullable: true` on every
 * optional field (which would let `null` through and change specs/schema.json), and it does not
 * take unions (`oneOf`, e.g. records' `keys`: one key set or a list of them). Here the schema is
 * the only source, so the two cannot disagree, and the schema text is unchanged. Fields with a
 * `default` stay optional: the loader validates but does not fill in defaults. A schema whose
 * fields are not known (the registry's `CheckKind`, any kind) gives a record of unknowns.
 */
export type ConfigOf<Schema extends KindSchema> = CommonCheckFields &
  (string extends keyof Schema['properties']
    ? Readonly<Record<string, unknown>>
    : FromSchema<
        {
          type: 'object';
          properties: Schema['properties'];
          required: Schema['required'] extends readonly string[] ? Schema['required'] : [];
          additionalProperties: false;
        },
        { keepDefaultedPropertiesOptional: true }
      >);

/** The fields every check has besides its kind's (grader/spec/schema.ts adds them to each kind's schema). */
export type CommonCheckFields = {
  /** Shown to the student with a failure, in place of the check's own advice. */
  hint?: string;
  /** Which process's run the check reads in multi-process tests (default main). */
  process?: string;
};

/**
 * A check kind. One file per kind under grader/checks/, registered in grader/checks/index.ts.
 * `schema` is the JSON Schema of its configuration (`KindSchema`); `run`, `validate` and
 * `expectedLineCount` receive a configuration of the type it describes (`ConfigOf<Schema>`).
 */
export interface CheckKind<Schema extends KindSchema = KindSchema> {
  name: string;
  description: string;
  schema: Schema;
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
  expectedLineCount?(config: ConfigOf<Schema>, failed: boolean): number | undefined;
  /** The statement's promises that this check grades (default none). */
  promisesGraded?(config: ConfigOf<Schema>): GradedPromise[];
  /** Rules across the configuration's fields that the schema cannot say (checked when the spec loads, after the schema). */
  validate?(config: ConfigOf<Schema>): ConfigProblem[];
  run(config: ConfigOf<Schema>, context: CheckContext): CheckOutcome;
}
