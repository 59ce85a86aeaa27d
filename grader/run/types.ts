// What one program run produced: the input of every check.

/** Why a run ended. Recorded when it happens, so that the verdict can say so. */
export type Ending =
  | 'exited' // the main process ended by itself (exit code or signal)
  | 'timeout' // the wall-clock limit of the test was reached; the whole tree was killed
  | 'no-progress' // nothing printed for idleTimeoutMs (deadlock, waiting for input or a peer)
  | 'step-timeout' // an interactive `expect` step did not see its line in time
  | 'output-limit' // stdout or stderr grew past the cap
  | 'memory-limit' // the program ran out of its memory allowance
  | 'process-limit' // it tried to start more processes than allowed
  | 'start-failure'; // the sandbox or the program could not be started at all

/** A process seen while the program ran (only when the test sets `observe`). */
export interface ObservedProcess {
  /** Pid as the program itself sees it (inside the sandbox's PID namespace, if any). */
  pid: number;
  /** Parent pid, in the same numbering as `pid`. */
  ppid: number;
  /** Most threads seen at once in this process. */
  maxThreads: number;
  /** Command line, arguments joined by spaces. */
  command: string;
  firstSeenMs: number;
}

export interface ProgramRun {
  /** Name of the process in a multi-process test ("main" for the one the test starts). */
  name: string;
  stdout: string;
  stderr: string;
  /** Exit code of the main process, null if a signal ended it or it never ran. */
  exitCode: number | null;
  /** Signal name (e.g. SIGSEGV) that ended the main process, or null. */
  signal: string | null;
  ending: Ending;
  /** Extra words on the ending, for the verdict (e.g. the step that stalled). */
  endingDetail?: string;
  /** Wall time from start until the main process ended, in ms. */
  elapsedMs: number;
  /** Wall time until every process of the run had ended (descendants included), in ms. */
  totalMs: number;
  /** Unix epoch ms when the program was started, and when its last process ended. */
  startedAt: number;
  endedAt: number;
  /** Pid of the main process as the program sees it (process.pid), when known. */
  mainPid?: number;
  processes?: ObservedProcess[];
  /** The environment the program was given (after the sandbox's base variables). */
  env: Record<string, string>;
  /** Output truncated at the cap (the tail beyond it was dropped). */
  truncated: boolean;
}
