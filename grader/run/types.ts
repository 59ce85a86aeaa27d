// What one program run produced: the input of every check.
import type { BuiltProgram } from '../build/types.js';
import type { SandboxTier } from '../sandbox/types.js';
import type { FeedSpec, StepSpec } from '../spec/types.js';

/** Why a run ended. Recorded when it happens, so that the verdict can say so. */
export type Ending =
  | 'exited' // the main process ended by itself (exit code or signal)
  | 'timeout' // the wall-clock limit of the test was reached; the whole tree was killed
  | 'no-progress' // nothing printed for idleTimeoutMs (deadlock, waiting for input or a peer)
  | 'step-timeout' // an interactive `expect` step did not see its line in time
  | 'output-limit' // stdout or stderr grew past the cap
  | 'memory-limit' // the program ran out of its memory allowance
  | 'process-limit' // it tried to start more processes than allowed
  | 'supervisor-killed' // it killed the grader's supervisor (its parent): its own status is unknown; the rest was stopped
  | 'stopped-decided' // another process of the test had already ended as an exit check rejects (run/decided.ts): stopped, or never started
  | 'start-failure'; // the sandbox or the program could not be started at all

/** A process seen while the program ran (only when the test sets `observe`). */
export interface ObservedProcess {
  /** Pid as the program itself sees it (inside the sandbox's PID namespace, if any). */
  pid: number;
  /** Parent pid, in the same numbering as `pid`. */
  ppid: number;
  /** Most threads seen at once in this process. */
  maxThreads: number;
  /**
   * Distinct thread ids seen over the run (threads that ended before others started count too),
   * or as many as its runtime reported when that is more (grader/run/task-reports.ts).
   */
  threadIds?: number;
  /** CPU time (user + system, all its threads) at the last sample, in ms. */
  cpuMs?: number;
  /** Thread time spent running or ready to run (CPU time + run delay of schedstat, at each thread's last reading), summed over its threads, in ms. */
  runnableMs?: number;
  /** Command line, arguments joined by spaces: the last one seen (after exec, when an exec was seen). */
  command: string;
  /**
   * True when the grader may have seen this process only between its fork and its exec: every
   * sample showed its parent's command line (or none) with a single thread. Its command is then
   * unknown, not wrong.
   */
  commandBeforeExecOnly?: boolean;
  firstSeenMs: number;
}

/** How well the grader's observer covered a run (the grader's own measurement, not the program's). */
export interface ObservationCoverage {
  /** Samples of /proc taken while the run was observed (every sampler together). */
  samples: number;
  /**
   * The longest blind window, in ms: a process or thread that lived longer than this was surely
   * seen (from the start of one sample to the end of the next, from sampling's start to the first,
   * from the last to the run's end; observed-summary.ts, foldSample).
   */
  longestGapMs: number;
}

export interface ProgramRun {
  /** Name of the process in a multi-process test ("main" for the one the test starts). */
  name: string;
  /** The language the program is written in (grader/languages/; absent: TypeScript). */
  language?: string;
  stdout: string;
  stderr: string;
  /** Exit code of the main process, null if a signal ended it or it never ran. */
  exitCode: number | null;
  /** Signal name (e.g. SIGSEGV) that ended the main process, or null. */
  signal: string | null;
  ending: Ending;
  /** Extra words on the ending, for the verdict (e.g. the step that stalled). */
  endingDetail?: string;
  /** Why the grader doubts this ending (a timeout while the machine starved the run, a stop of the steps while the grader itself stalled): not the program's failure. */
  endingDoubt?: string;
  /** The likely cause of a failed interactive step, for the student (the step's hint or the grader's advice). */
  stepHint?: string;
  /** The interactive steps failed because the program ended by itself before they were over (its exit status or signal says how). */
  endedDuringSteps?: boolean;
  /** Wall time from start until the main process ended, in ms. */
  elapsedMs: number;
  /** Wall time until every process of the run had ended (descendants included), in ms. */
  totalMs: number;
  /** Unix epoch ms when the program was started, and when its last process ended. */
  startedAt: number;
  endedAt: number;
  /** Pid of the main process as the program sees it (process.pid), when known. */
  mainPid?: number;
  /** The directory of the program file that ran, as the program sees it (what import.meta.url gives: symbolic links resolved). */
  programDir?: string;
  /** The directory the program was started in, as it sees it (what process.cwd() gives: symbolic links resolved). */
  cwd?: string;
  /** With `timeArrivals`: when each line of stdout reached the grader, ms after the start (line i of the raw output): no later than this. */
  lineArrivalsMs?: number[];
  /** ... and no earlier than this (the grader's poll before; far apart only when the grader itself stalled). */
  lineEarliestMs?: number[];
  processes?: ObservedProcess[];
  /** With `observe`: how well the observer covered the run (to tell a starved observer from a program). */
  observation?: ObservationCoverage;
  /** The environment the program was given (after the sandbox's base variables). */
  env: Record<string, string>;
  /** Output truncated at the cap (the tail beyond it was dropped). */
  truncated: boolean;
  /** How the run was isolated, and who it ran as (to find leftovers). */
  sandbox?: RunSandbox;
}

/** The isolation a run had. */
export interface RunSandbox {
  tier: 'bubblewrap' | 'weak';
  /** Unprivileged uid the run executed as, when the grader is root. */
  uid?: number;
  /** Value of GRADER_RUN_MARKER in its environment (weak tier without a uid). */
  marker?: string;
}

/** Resource caps of one run; each has a default (see grader/run/limits.ts). */
export interface RunLimits {
  /** Cap on each of stdout and stderr and on any file written (default 8 MiB). */
  outputBytes?: number;
  /**
   * V8 heap of the node process, MiB (--max-old-space-size). Default: none, because any V8 flag
   * costs node 10-20 ms at start (its built-in code cache no longer fits); memoryMb caps instead.
   */
  heapMb?: number;
  /** Resident memory of the main process, MiB, polled every 20 ms, and private resident memory of all its processes together, every 100 ms (default 2048). */
  memoryMb?: number;
  /** RLIMIT_DATA of every process, MiB (default 4096: 100 workers need about 2 GiB). */
  dataMb?: number;
  /** Processes and threads (RLIMIT_NPROC; a node process has about 11 threads; default 512). */
  processes?: number;
  /** The umask the program starts with (default 0o022). */
  umask?: number;
}

/** What to run, and how. */
export interface RunRequest {
  /** "main", or a peer's name in a multi-process test. */
  name: string;
  program: BuiltProgram;
  /** Built file to run, relative to the program's directory (default program.entry; ".js" added if missing). */
  entry?: string;
  args: string[];
  /** Added to the base environment; null removes a base variable. */
  env: Record<string, string | null>;
  /** Fed whole, then standard input is closed. Absent: standard input is closed at once. */
  stdin?: string;
  /** Host work directory (exists; the run's current directory, or its parent with `cwd`). */
  workDir: string;
  /** Subdirectory of the work directory to start in (created if missing). */
  cwd?: string;
  timeoutMs: number;
  idleTimeoutMs?: number;
  limits?: RunLimits;
  /** Force a tier (tests); default: what detectSandbox() found. */
  tier?: 'bubblewrap' | 'weak';
  /** Interactive standard input (instead of `stdin`); a stalled `expect` ends the run as 'step-timeout'. */
  steps?: StepSpec[];
  /** Sample the run's processes and threads every ~10 ms into ProgramRun.processes. */
  observe?: boolean;
  /** Record when each line of stdout arrived (ProgramRun.lineArrivalsMs), for `timing` checks. */
  timeArrivals?: boolean;
}

/** An entry of the work directory after a run (what file-system checks read). */
export interface WorkTreeEntry {
  type: 'file' | 'dir' | 'symlink' | 'fifo' | 'other';
  /** Permission bits, e.g. 0o640. */
  mode: number;
  size: number;
  /** Content of small regular files (UTF-8), target of symlinks. */
  content?: string;
  target?: string;
}

/** A way of splitting a feed's bytes. */
export type SplitKind = FeedSpec['splits'][number];

/** One run's split: the sizes of the pieces in order, and what to say about it. */
export interface SplitPlan {
  kind: SplitKind;
  /** For messages: "whole", "bytewise (one byte at a time)", "random #2 (seed 4242)", "paused (20 ms between pieces)". */
  label: string;
  /** The test's seed, for random splits (replay with --seed). */
  seed?: number;
  /** Sizes of the pieces, in bytes, summing to the input's length. */
  pieces: number[];
  /** Pause after each piece but the last. */
  gapMs: number;
}

/** The runs of one split of a feed. */
export interface SplitRun {
  plan: SplitPlan;
  runs: Record<string, ProgramRun>;
  workTree: Record<string, WorkTreeEntry>;
}

/** How runTest runs a test. */
export interface RunTestOptions {
  /** Force a tier (tests); default: what detectSandbox() found. */
  tier?: SandboxTier;
  limits?: RunLimits;
  /** Keep the work directory (its path is returned) instead of removing it. */
  keepWorkDir?: boolean;
  /** Seed for anything random (a feed's random splits); the grader passes one per test. */
  seed?: number;
}

/** What a test's runs produced. */
export interface TestRunResult {
  /** Every process of the test by name; "main" is the one the test starts. */
  runs: Record<string, ProgramRun>;
  /** The work directory after the runs (path → entry). */
  workTree: Record<string, WorkTreeEntry>;
  /** Host path of the work directory (already removed unless keepWorkDir). */
  workDir: string;
  /** With a `feed`: every split's run, in order (`runs` and `workTree` above are the first split's). */
  splits?: SplitRun[];
}
