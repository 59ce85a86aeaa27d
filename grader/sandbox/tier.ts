// A sandbox tier as the runner uses it: where the program sees its directories, the command that
// starts it and, once it runs, how to find, wait for and kill its whole tree. run-program asks
// the tier; it never tests which tier it is.
import type { ProcessMatcher } from './sweep.js';
import type { Launch, LaunchRequest, SandboxPaths, SandboxTier } from './types.js';

/** What a tier's tree is told about the run it belongs to. */
export interface RunTreeContext {
  /** The process group the supervisor leads (the started process's pid), if it started. */
  pgid: number | undefined;
  /** True once the started process (bwrap or the supervisor) has exited. */
  supervisorExited(): boolean;
  /** True while this program is the only running one of its session: every process of the session's identity is then its own. */
  sole(): boolean;
  /** How to find the session's processes by uid or marker, if it has a way. */
  matcher: ProcessMatcher | undefined;
  /** The run opened its session itself (no peers share the identity). */
  ownsSession: boolean;
}

/** One run's process tree, as its tier finds, waits for and kills it. */
export interface RunTree {
  /** Look for pids that appear after the start (bubblewrap: the namespace's init). Cheap; called often. */
  discover(): void;
  /** Every process of the run on the host. */
  treePids(): number[];
  /** The host pid of the main process, which sees itself as `ownPid` (undefined until it can be found). */
  mainHostPid(ownPid: number): number | undefined;
  /** A host pid as the program sees it, or undefined for the sandbox's own processes (never signalled for the program). */
  programPid(hostPid: number): number | undefined;
  /** Kill what killing the process group does not reach. */
  killRest(): void;
  /** Kill the run's leftovers when they can only be its own (weak tier); nothing where the namespace does it. */
  sweep(): void;
  /** After the supervisor has exited: resolves once every process of the run is gone, or once `stopped()`. */
  waitForTree(stopped: () => boolean): Promise<void>;
  /** Is a process of the run still alive? (Looked at while the run settles after its end.) */
  anyLeft(): boolean;
  /** Settle after every run, not only after a kill (bubblewrap reports its child's status before its init has gone). */
  readonly alwaysSettle: boolean;
  /** The run has a PID namespace of its own: pids are handed out in ascending order, the main process's first. */
  readonly ownPidNamespace: boolean;
  /** For the process observer: the sandbox's own pids as the tree sees them, the supervisor's, and processes found by identity. */
  sandboxPids(): number[];
  supervisorPid(): number | undefined;
  extraPids(): number[];
}

/** A sandbox tier: how it launches a program, and how it handles the running tree. */
export interface Tier {
  readonly name: SandboxTier;
  /** Where the program will see its program and work directories. */
  paths(programDir: string, workDir: string): SandboxPaths;
  /** The command line that starts one program. */
  launch(request: LaunchRequest): Launch;
  /** Joins paths as the program sees them. */
  join(...parts: string[]): string;
  /** A directory as the program's own getcwd() and module paths show it (symbolic links resolved where it sees host paths). */
  seenPath(sandboxPath: string): string;
  /** The behaviour of one started run's tree. */
  tree(context: RunTreeContext): RunTree;
}
