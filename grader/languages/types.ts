// A language is a runner plug-in: how a solution folder of it is recognised, built (or checked)
// and run, and what it says to students about its own pitfalls. Registered in ./index.ts; the
// checks, the specs and the sandbox never name a language.
import type { BuildResult, BuiltProgram } from '../build/types.js';
import type { Pitfall } from '../hints/types.js';

export interface LanguageBuildOptions {
  /** Directory where built programs are kept, one subdirectory per content hash. */
  cacheDir: string;
  /** Program to run, without extension (default "solution"). */
  entry?: string;
}

/** What a language tells the checks and hints about itself, in the student's terms. */
export interface LanguageWords {
  /** How a thread of this language is started and joined (a sentence fragment). */
  thread: string;
  /** How a child process is started, and how its pid is known (a sentence fragment). */
  childProcess: string;
  /** How a sibling program of the folder (NAME) is started as a child process. */
  startSibling(file: string): string;
}

/**
 * The file descriptor on which a runtime that reports its tasks writes its reports (one line per
 * event: grader/run/task-reports.ts). It is open only in observed runs of such a language.
 */
export const TASK_REPORT_FD = 4;

/** How a language's runtime reports each task it creates, so that none is missed by sampling. */
export interface TaskReporting {
  /**
   * The command line that runs `file` (in `programDir`, the built program's folder, as the program
   * sees both) with `args` as `command` does, and writes a line to fd
   * TASK_REPORT_FD for each thread the program starts (as it starts), each process it forks (from
   * the child, right after the fork) and each exec, without changing what the program sees or does.
   */
  command(file: string, args: readonly string[], options: { heapMb?: number; programDir: string }): string[];
}

export interface Language {
  /** The name given to --language and stored with a built program ("typescript"). */
  name: string;
  /** As students read it ("TypeScript"). */
  label: string;
  /** The extension of its source files, with the dot (".ts"); the entry is ENTRY + extension. */
  extension: string;
  /** Builds (or checks) every source file of the folder into the cache; a compile error maps to file:line. */
  build(sourceDir: string, options: LanguageBuildOptions): Promise<BuildResult>;
  /** The file the built program NAME runs from ("solution" → "solution.js"); a name with this file's extension is kept. */
  runFile(name: string): string;
  /** The source file a run file came from ("child.js" → "child.ts"). */
  sourceFile(runFile: string): string;
  /**
   * `text` (a run's stderr) with the positions in the program's files as the program saw them
   * (`seenDir`, e.g. /sandbox/program) said as the student's source files, relative to the current directory.
   */
  sourcePositions(text: string, program: BuiltProgram, seenDir: string): string;
  /** The command line that runs `file` (its path as the program sees it) with `args`. */
  command(file: string, args: readonly string[], options: { heapMb?: number }): string[];
  /** Present when the runtime can report its tasks: observed runs then use its command line instead. */
  taskReporting?: TaskReporting;
  /** Host directories the runtime needs besides /usr and /lib (bound read-only in bubblewrap). */
  runtimeDirs(): string[];
  /** Threads a program of this language has before it starts one of its own, under `env` (measured once per key). */
  threadBaseline: {
    /** What the count depends on in the environment ('' when nothing). */
    key(env: Readonly<Record<string, string>>): string;
    measure(env: Readonly<Record<string, string>>): number;
    /** The program that was measured, as a student reads it ("a node program that starts no Worker"). */
    description: string;
  };
  /** The pitfalls of this language, recognised before the catalog's common ones. */
  pitfalls: readonly Pitfall[];
  words: LanguageWords;
  /** What a statement's "How LANGUAGE does it" section is titled in the students' copy ("How Node differs"). */
  statementSection: string;
}
