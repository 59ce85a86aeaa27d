// The results of a grading run, and the reporters that read them. A grading run emits one
// stream of events; every output format (console, JSON, ...) is a reporter over that stream.

/** 'not-run': a costly test skipped because a cheap test of its exercise failed (scores 0). */
export type TestStatus = 'passed' | 'failed' | 'error' | 'not-run';
export type ExerciseStatus = 'passed' | 'failed' | 'error' | 'missing';

export interface CheckResult {
  /** Kind of the check ("exit", "lines", ...; "ending" for how the run ended). */
  check: string;
  passed: boolean;
  message: string;
  diff?: string;
  hint?: string;
  /** The grader doubted its own measurement (see CheckOutcome.doubt): not a failure of the program. */
  doubt?: string;
}

export interface TestResult {
  name: string;
  status: TestStatus;
  /** The first failure's message (empty when passed). */
  message: string;
  score: number;
  maxScore: number;
  hidden: boolean;
  checks: CheckResult[];
  /** 1-based number of the trial that failed, when the test has several. */
  failedTrial?: number;
  trials: number;
  seed?: number;
  durationMs: number;
  /** The last lines the program wrote to stderr, when it failed (escaped for display). */
  stderrTail?: string;
  /** The command line a student can paste to rerun the test by hand. */
  rerun?: string;
}

export interface ExerciseResult {
  slug: string;
  title: string;
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  /** Why the exercise could not be graded (missing solution, compile error), or that it is not started yet. */
  message?: string;
  /** Still the starter: every test failed on its "not implemented yet" (reporters may show `message` alone). */
  notStarted?: boolean;
  tests: TestResult[];
  /** Folder of the solution that was graded. */
  solutionDir: string;
  /** The spec's entry file, without its extension (`solution` when absent). */
  entry?: string;
  /** The language the solution is written in (grader/languages/; absent: TypeScript). */
  language?: string;
  durationMs: number;
}

export interface SandboxSummary {
  tier: string;
  reason: string;
  guarantees: string[];
  missing: string[];
}

export interface GradeSummary {
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
  sandbox: SandboxSummary;
  durationMs: number;
}

/** A reader of the grading run's events. Every hook is optional. */
export interface Reporter {
  onStart?(info: { slugs: string[]; sandbox: SandboxSummary; solutionsDir: string }): void | Promise<void>;
  /** A test started running (it left the queue); for live progress. */
  onTestStart?(slug: string, test: string): void | Promise<void>;
  onTestResult?(slug: string, result: TestResult): void | Promise<void>;
  onExerciseEnd?(result: ExerciseResult): void | Promise<void>;
  onEnd?(summary: GradeSummary): void | Promise<void>;
}
