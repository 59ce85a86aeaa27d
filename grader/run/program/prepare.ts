// Everything decided before a program starts: its directories as the sandbox shows them, its
// environment and command line, and its limits (process cap counted for the tier's identity).
import fs from 'node:fs';
import path from 'node:path';
import { readableProgramDir } from '../../sandbox/access.js';
import { buildEnvironment, MARKER_VARIABLE, mutantVariable } from '../../sandbox/environment.js';
import { isRoot } from '../../sandbox/identity.js';
import { languageOf } from '../../languages/index.js';
import { findProcesses } from '../../sandbox/sweep.js';
import type { Tier } from '../../sandbox/tier.js';
import type { Launch, ResolvedLimits, SandboxPaths } from '../../sandbox/types.js';
import { handOverWorkDir, type RunSession } from '../session.js';
import type { RunRequest } from '../types.js';

/** A program ready to start. */
export interface PreparedLaunch {
  plan: Launch;
  paths: SandboxPaths;
  /** The entry file as the program sees it. */
  entryPath: string;
  /** The environment as the program sees it, PWD included. */
  env: Record<string, string>;
  /** The work subdirectory it starts in ('' for the work directory). */
  cwd: string;
  /** The program's command line, its runtime first (as the sandbox runs it). */
  command: string[];
  /** The program reports its tasks on fd TASK_REPORT_FD (grader/run/task-reports.ts): give it the channel. */
  taskChannel: boolean;
}

function normaliseCwd(cwd: string | undefined): string {
  const relative = path.posix.normalize((cwd ?? '').replace(/\\/g, '/')).replace(/^\.\/?$/, '');
  if (relative.startsWith('/') || relative === '..' || relative.startsWith('../')) {
    throw new Error(`cwd ${JSON.stringify(cwd)} is not inside the work directory`);
  }
  return relative.replace(/\/$/, '');
}

function entryFile(request: RunRequest): string {
  return languageOf(request.program).runFile(request.entry ?? request.program.entry);
}

/** Without a uid of its own, the run shares RLIMIT_NPROC with the grader's user: count those. */
function processCap(limits: ResolvedLimits, hasOwnUid: boolean): number {
  if (hasOwnUid || isRoot() || typeof process.getuid !== 'function') return limits.processes;
  return limits.processes + findProcesses({ uid: process.getuid() }).length;
}

/** Makes the work directories and the readable program copy; `cleanups` gets what removes them. */
export function prepareLaunch(
  request: RunRequest,
  session: RunSession,
  tier: Tier,
  limits: ResolvedLimits,
  options: { ownsSession: boolean; cleanups: Array<() => void> },
): PreparedLaunch {
  const { identity } = session;
  const cwd = normaliseCwd(request.cwd);
  fs.mkdirSync(path.join(request.workDir, cwd), { recursive: true });
  if (options.ownsSession) handOverWorkDir(session, request.workDir);
  const program = identity.uid !== undefined ? readableProgramDir(request.program.dir) : { dir: request.program.dir, remove: () => undefined };
  options.cleanups.push(() => program.remove());

  const paths = tier.paths(program.dir, request.workDir);
  const env = { ...buildEnvironment(paths.work, request.env), ...mutantVariable(request.program.activeMutant) };
  if (identity.marker !== undefined) env[MARKER_VARIABLE] = identity.marker;
  const language = languageOf(request.program);
  const entryPath = tier.join(paths.program, entryFile(request));
  const heap = limits.heapMb === undefined ? {} : { heapMb: limits.heapMb };
  // An observed run of a language that reports its tasks gets the task channel, and the command that writes to it.
  const reporting = request.observe === true ? language.taskReporting : undefined;
  const command = reporting?.command(entryPath, request.args, { ...heap, programDir: paths.program }) ?? language.command(entryPath, request.args, heap);
  const commandLimits = { ...limits, processes: processCap(limits, identity.uid !== undefined) };
  const runtimeDirs = language.runtimeDirs();
  const plan = tier.launch({
    tier: tier.name,
    programDir: program.dir,
    workDir: request.workDir,
    cwd,
    command,
    env,
    limits: commandLimits,
    identity,
    runtimeDirs,
  });
  return { plan, paths, entryPath, env: { ...env, PWD: tier.join(paths.work, cwd) }, cwd, command, taskChannel: reporting !== undefined };
}
