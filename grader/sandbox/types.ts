// Shapes shared by the sandbox tiers.

/** How strongly a program run is isolated: bubblewrap namespaces, or a process group and rlimits. */
export type SandboxTier = 'bubblewrap' | 'weak';

/** The fixed vocabulary of guarantees a tier may or may not give. */
export const GUARANTEES = [
  'PID namespace',
  'network isolation',
  'read-only filesystem',
  'hidden repository',
  'process cap',
  'memory cap',
  'clean environment',
  'complete tree kill',
] as const;

/** One entry of GUARANTEES. */
export type Guarantee = (typeof GUARANTEES)[number];

/** What the console says about the sandbox in use. */
export interface SandboxInfo {
  tier: SandboxTier;
  /** Why this tier was chosen (e.g. "bubblewrap works", or why it did not). */
  reason: string;
  guarantees: Guarantee[];
  missing: Guarantee[];
  /** One sentence per missing guarantee, saying what is weaker. */
  notes: string[];
  /** Runs start as an unprivileged per-slot uid (the grader runs as root and setpriv exists). */
  dropsPrivileges: boolean;
}

/** Resource caps of one run, resolved (no defaults left open). */
export interface ResolvedLimits {
  /** Cap on each of stdout and stderr, and on any file the program writes (RLIMIT_FSIZE). */
  outputBytes: number;
  /** V8 old-space heap of the node process, in MiB (--max-old-space-size); none by default. */
  heapMb?: number;
  /** Resident memory of the main process, and private resident memory of the whole tree, in MiB, watched by the grader. */
  memoryMb: number;
  /** RLIMIT_DATA of every process, in MiB. */
  dataMb: number;
  /** RLIMIT_NPROC: processes and threads of the run's uid. */
  processes: number;
  /** The umask the program starts with (default 0o022: never the grading machine's own). */
  umask?: number;
}

/** Who a run executes as, and how its leftovers are found afterwards. */
export interface RunIdentity {
  /** Unprivileged uid of the slot (only when the grader is root and can drop privileges). */
  uid?: number;
  /** Environment marker (weak tier without a uid): value of GRADER_RUN_MARKER. */
  marker?: string;
  /** Give the slot back (and forget the uid). */
  release(): void;
}

/** Everything a tier needs to build the command that starts one program. */
export interface LaunchRequest {
  tier: SandboxTier;
  /** Host directory of the built program (readable by the run's uid). */
  programDir: string;
  /** Host work directory (owned by the run's uid). */
  workDir: string;
  /** Subdirectory of the work directory to start in ('' for the work directory itself). */
  cwd: string;
  /** Program and arguments as seen inside the sandbox (the language's runtime first). */
  command: string[];
  /**
   * Host directories the language's runtime needs besides /usr and /lib (read-only in bubblewrap;
   * default: node's install directory when it is not under /usr).
   */
  runtimeDirs?: readonly string[];
  /** The program's complete environment. */
  env: Record<string, string>;
  limits: ResolvedLimits;
  identity: RunIdentity;
}

/** A ready command line for execa. */
export interface Launch {
  file: string;
  args: string[];
  /** Environment of the started process itself (bubblewrap: empty; weak: the program's). */
  env: Record<string, string>;
  /** Host directory execa starts in. */
  cwd: string;
  /** The supervisor waits for every process of the run before it exits (PID namespace). */
  waitsForDescendants: boolean;
}

/** Where the sandbox shows the program its directories. */
export interface SandboxPaths {
  program: string;
  work: string;
}
