import type { Exclusivity } from '../grade/pool.js';
// The shape of a spec after it has been loaded and validated against specs/schema.json.
// The schema is assembled from grader/spec/schema-base.ts and the checks' own fragments
// (grader/checks/*): keep these types and those fragments in step.
import type { StepSignal } from './signals.js';
import type { GenerateSpec } from '../generate/types.js';

/** A check as written in a spec: `check` names it, the other fields are its configuration. */
export interface CheckSpec {
  check: string;
  /** Shown to the student under the failure, in place of the check's generic advice. */
  hint?: string;
  /** Which process's output it reads, in multi-process tests (default: the main one). */
  process?: string;
  [field: string]: unknown;
}

/** An entry of the test's working directory, created before the program starts. */
export interface FixtureSpec {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'fifo';
  content?: string;
  /** Octal mode as a string, e.g. "0640". */
  mode?: string;
  /** Link target, for symlinks. */
  target?: string;
}

/** What every step may carry besides its kind. */
export interface StepCommon {
  /** Shown to the student when this step fails, in place of the grader's own advice. */
  hint?: string;
}

/** One step of an interactive conversation with the program's standard input. */
export type StepSpec = StepCommon &
  (
    | { send: string }
    /** `next`: the very next line must match (any other line fails the step at once). */
    | { expect: string; timeoutMs?: number; next?: boolean }
    /** Each template must match a line of its own, in any order; placeholders bind across them. */
    | { expectAll: string[]; timeoutMs?: number; next?: boolean }
    | { close: true }
    | { waitMs: number }
    /** The program must end by itself within timeoutMs, standard input still open. */
    | { expectExit: { timeoutMs?: number } }
    /** Send a signal to the process the grader started, or (`to: "{pid:NAME}"`) to a process of the program whose pid an earlier expect bound. */
    | { signal: StepSignal; to?: string }
  );

/** A piece of a feed's bytes: exactly one of `text` and `base64`, repeated `repeat` times (default 1). */
export interface FeedPartSpec {
  text?: string;
  base64?: string;
  repeat?: number;
}

/** How the same standard input bytes are split and paced when fed (framing fuzz). */
export interface FeedSpec {
  /** Text to feed (UTF-8). */
  text?: string;
  /** Bytes to feed, base64 (for input that is not text, e.g. binary frames). */
  base64?: string;
  /** Bytes to feed as pieces concatenated (exactly one of text, base64, parts). */
  parts?: FeedPartSpec[];
  /** Split strategies; the program's output must be the same under each. */
  splits: Array<'whole' | 'bytewise' | 'random' | 'paused'>;
  /** How many random splits to try (default 3). */
  randomRuns?: number;
  /** Pause between pieces for the 'paused' strategy, in ms (default 20). */
  pauseMs?: number;
  /** Wait this long after start before the first byte, so the reader is up (default 300). */
  startDelayMs?: number;
}

/** A further process started in the same work directory as the main one. */
export interface PeerProcessSpec {
  name: string;
  args: string[];
  /** Built program file to run, relative to the solution (default: the spec's entry). */
  entry?: string;
  /** Start this many ms after the main process (default 0). */
  startAfterMs?: number;
  stdin?: string;
  timeoutMs?: number;
}

export interface TestSpec {
  name: string;
  points: number;
  hidden: boolean;
  args: string[];
  /** Variables added to the sandbox's base environment; null removes a base variable. */
  env: Record<string, string | null>;
  /** Fed whole, then standard input is closed. Absent: standard input is empty (closed). */
  stdin?: string;
  steps?: StepSpec[];
  feed?: FeedSpec;
  files: FixtureSpec[];
  /** Directory (relative to the work directory, created if missing) to start the program in. */
  cwd?: string;
  timeoutMs: number;
  /** Stop with a "no progress" verdict when the program prints nothing for this long. */
  idleTimeoutMs?: number;
  /** Run the test this many times; it passes only if every trial passes. */
  trials: number;
  /** Seed for anything random in the test (reported so a failure can be replayed). */
  seed?: number;
  /** Watch the program's processes and threads while it runs (for process/thread checks). */
  observe: boolean;
  /** Timing-sensitive: run with no other test in parallel. */
  /** Timing-sensitive: true holds the whole machine, 'one-core' one core of it (grade/pool.ts). */
  exclusive: Exclusivity;
  processes: PeerProcessSpec[];
  /** The umask the program starts with, e.g. 0o022 (the grader's default when absent). */
  umask?: number;
  /** Shown to the student when a process of the test is stopped by a timeout or for no progress. */
  onStall?: string;
  /** Generated cases, each run by the program and the reference (grader/generate/). */
  generate?: GenerateSpec;
  checks: CheckSpec[];
}

/** A known-bad variant (reference/SLUG/wrong/NAME/) and how the spec must reject it. */
export interface MustRejectSpec {
  /**
   * The tests of which at least one must fail (a spec writes `test: NAME` or a list, e.g. when
   * which test shows the bug depends on the hour of the day).
   */
  tests: string[];
  /** The check (by its `check` name) whose failure must be reported. */
  check: string;
  /** Text that the failure message must contain. */
  message?: string;
}

export interface ExerciseSpec {
  slug: string;
  title: string;
  /** Built file that is run, without extension (default "solution"). */
  entry: string;
  tests: TestSpec[];
  mustReject: Record<string, MustRejectSpec>;
  /** Absolute path of the YAML file this came from. */
  file: string;
}
