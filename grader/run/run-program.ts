// Starting one program in the sandbox, watching it, stopping it, and describing how it ended.
// The stages live in run/program/: prepare (directories, environment, command line), output files,
// the supervisor's channel, the limits watcher, the timeout, the end, the result. The tier
// (sandbox/tier.ts) supplies how to find, wait for and kill the tree.
import path from 'node:path';
import type { Writable } from 'node:stream';
import { execa } from 'execa';
import { decodeShellStatus } from '../sandbox/supervisor.js';
import { killProcessGroup } from '../sandbox/sweep.js';
import type { RunTree, Tier } from '../sandbox/tier.js';
import { tierNamed } from '../sandbox/tiers.js';
import type { Launch, ResolvedLimits } from '../sandbox/types.js';
import { ArrivalLog } from './arrivals.js';
import { resolveLimits } from './limits.js';
import { ProcessObserver, samplerReady } from './observe.js';
import { mergeTaskReports, readTaskChannel, type ReportedRun, type TaskChannel } from './task-reports.js';
import { readCapped } from './output.js';
import { finishEnd, treeGone, type EndingRun } from './program/end.js';
import { watchLimits } from './program/limits-watcher.js';
import { openOutputFiles, type OutputFiles } from './program/output-files.js';
import { prepareLaunch, type PreparedLaunch } from './program/prepare.js';
import { buildRun, type RunFacts } from './program/result.js';
import { readSupervisorChannel, type SupervisorReports } from './program/supervisor-channel.js';
import { createTermination, type Termination } from './program/termination.js';
import { startTimeout } from './program/timeout.js';
import { aloneInSession, closeSession, enterSession, leaveSession, openSession, sessionMatcher, type RunSession } from './session.js';
import { signalRunProcess, type SendSignal } from './signal.js';
import { LATE_STEPS_MS, playSteps, type StepFailure } from './steps.js';
import type { Ending, ObservationCoverage, ObservedProcess, ProgramRun, RunRequest } from './types.js';
import { TASK_REPORT_FD } from '../languages/types.js';
import { sleep } from '../util/time.js';

/** A program that is running: its standard input, its output so far, and its end. */
export interface RunningProgram {
  readonly name: string;
  /** Write to the program's standard input (resolves when written; never rejects). */
  write(text: string | Uint8Array): Promise<void>;
  /** End of input. */
  closeStdin(): void;
  /** Everything the program has printed on stdout so far (UTF-8, up to the cap). */
  stdoutSoFar(): string;
  /** Kill the whole tree now; the first ending recorded wins. */
  stop(ending: Ending, detail?: string): void;
  /** Resolves when the main process has ended (the tree may still run). */
  readonly mainEnded: Promise<void>;
  /** Resolves when every process of the run has ended; never rejects. */
  readonly done: Promise<ProgramRun>;
  /** True once `done` is about to resolve (every process has ended). */
  finished(): boolean;
  /** The main process's pid as it sees itself, once known. */
  mainPid(): number | undefined;
  /** Send a signal to the main process, or to the process of the run whose own pid is `ownPid` (`label` says where that pid came from). */
  readonly signal: SendSignal;
  /** The environment the program was given. */
  readonly env: Record<string, string>;
  /** Unix epoch ms of the start. */
  readonly startedAt: number;
}

/** A RunningProgram for a run that is already over (it never started): every method is a no-op. */
function alreadyEnded(name: string, run: ProgramRun): RunningProgram {
  return {
    name,
    write: () => Promise.resolve(),
    closeStdin: () => undefined,
    stdoutSoFar: () => run.stdout,
    stop: () => undefined,
    mainEnded: Promise.resolve(),
    done: Promise.resolve(run),
    finished: () => true,
    mainPid: () => run.mainPid,
    signal: () => ({ sent: false, reason: run.ending === 'start-failure' ? 'your program could not be started' : 'your program had already ended' }),
    env: run.env,
    startedAt: run.startedAt,
  };
}

/** The run of a process that could not be started (sandbox, fixtures or program). */
export function startFailure(name: string, detail: string, env: Record<string, string> = {}): ProgramRun {
  const now = Date.now();
  return {
    name,
    stdout: '',
    stderr: '',
    exitCode: null,
    signal: null,
    ending: 'start-failure',
    endingDetail: detail,
    elapsedMs: 0,
    totalMs: 0,
    startedAt: now,
    endedAt: now,
    env,
    truncated: false,
  };
}

/** Start a program; `session` is shared by the processes of one test (default: one of its own). */
export async function startProgram(request: RunRequest, session?: RunSession): Promise<RunningProgram> {
  let own: RunSession | undefined;
  let active: RunSession;
  try {
    active = session ?? (own = await openSession(request.tier));
  } catch (error) {
    return alreadyEnded(request.name, startFailure(request.name, (error as Error).message));
  }
  const cleanups: Array<() => void> = [];
  const cleanUp = (): void => {
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch {
        // best effort
      }
    }
    if (own !== undefined) closeSession(own);
  };
  // An observed program starts only once the sampling thread samples: it could end unseen before.
  if (request.observe) await samplerReady();
  try {
    return launch(request, active, own !== undefined, cleanups, cleanUp);
  } catch (error) {
    cleanUp();
    return alreadyEnded(request.name, startFailure(request.name, (error as Error).message));
  }
}

/** How long the task channel may stay open once the tree is gone (a writer that escaped the run). */
const TASK_CHANNEL_GRACE_MS = 1000;

/**
 * Starts the sandbox's command with stdin and the supervisor's channel as pipes, stdout and stderr
 * to the capture files, and with `taskChannel` a pipe at fd TASK_REPORT_FD (4) for the program's task reports.
 */
function startSupervisor(plan: Launch, files: OutputFiles, taskChannel: boolean) {
  if (TASK_REPORT_FD !== 4) throw new Error("the task channel is the fifth of the started process's stdio");
  return execa(plan.file, plan.args, {
    env: plan.env,
    extendEnv: false,
    cwd: plan.cwd,
    reject: false,
    buffer: false,
    detached: true,
    stdio: ['pipe', nativeFd(files.outFd), nativeFd(files.errFd), 'pipe', ...(taskChannel ? (['pipe'] as const) : [])],
  });
}

/** Resolves when the started process has exited (or could not start); `onGone` is told first. */
function exitOf(subprocess: ReturnType<typeof startSupervisor>, onGone: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const gone = (): void => {
      onGone();
      resolve();
    };
    subprocess.once('exit', gone);
    subprocess.once('error', gone);
    void subprocess.then(gone);
  });
}

/** The main process's host pid while it runs (for its resident memory), found once and kept. */
function mainHostPidFinder(tree: RunTree, reports: SupervisorReports): () => number | undefined {
  let hostPid: number | undefined;
  return () => {
    if (reports.status() !== undefined) return undefined;
    const ownPid = reports.mainPid();
    if (hostPid === undefined && ownPid !== undefined) hostPid = tree.mainHostPid(ownPid);
    return hostPid;
  };
}

/** What the RunningProgram handed back by launch reads of its run. */
interface LiveRun {
  name: string;
  stdin: Writable | null;
  files: OutputFiles;
  outputBytes: number;
  tree: RunTree;
  reports: SupervisorReports;
  termination: Termination;
  done: Promise<ProgramRun>;
  /** The finished run, once `done` is about to resolve. */
  result(): ProgramRun | undefined;
  env: Record<string, string>;
  startedAt: number;
}

/** Sends a signal to the main process or to the process of the run the program calls `ownPid`. */
function signalSender(live: LiveRun): SendSignal {
  return (signal, ownPid, label) => {
    const status = live.reports.status();
    if (ownPid === undefined && (status !== undefined || live.result() !== undefined)) {
      const ended = status === undefined ? undefined : decodeShellStatus(status);
      const how = ended === undefined ? '' : ended.signal !== null ? ` (killed by ${ended.signal})` : ` (exit status ${ended.exitCode})`;
      return { sent: false, reason: `your program had already ended${how}` };
    }
    const mainPid = live.reports.mainPid();
    if (mainPid === undefined) return { sent: false, reason: 'your program had not started yet' };
    // Never the sandbox's own processes; inside a PID namespace the program sees other pids than the host's.
    const processes = live.tree
      .treePids()
      .map((hostPid) => ({ hostPid, ownPid: live.tree.programPid(hostPid) }))
      .filter((p): p is { hostPid: number; ownPid: number } => p.ownPid !== undefined);
    return signalRunProcess(signal, ownPid ?? mainPid, processes, label ?? 'the process the grader started');
  };
}

/** The running program as callers see it. */
function runningProgram(live: LiveRun): RunningProgram {
  const { stdin } = live;
  return {
    name: live.name,
    write: (text) =>
      new Promise<void>((resolve) => {
        if (stdin === null || stdin.destroyed || stdin.writableEnded) return resolve();
        stdin.write(text, () => resolve());
      }),
    closeStdin: () => {
      if (stdin !== null && !stdin.writableEnded) stdin.end();
    },
    stdoutSoFar: () => live.result()?.stdout ?? readCapped(live.files.outPath, live.outputBytes).text,
    stop: (ending, detail) => live.termination.stop(ending, detail),
    mainEnded: live.reports.mainEnded,
    done: live.done,
    finished: () => live.result() !== undefined,
    mainPid: () => live.reports.mainPid(),
    signal: signalSender(live),
    env: live.env,
    startedAt: live.startedAt,
  };
}

/** The process observer of a run: from the group leader down, less the sandbox's own processes. */
function observeTree(pgid: number | undefined, tree: RunTree, reports: SupervisorReports, t0: number): ProcessObserver {
  return new ProcessObserver(
    {
      treeRoot: () => pgid,
      sandboxPids: () => tree.sandboxPids(),
      supervisorPid: () => tree.supervisorPid(),
      mainPid: () => reports.mainPid(),
      extraPids: () => tree.extraPids(),
    },
    t0,
  );
}

/**
 * What the observer saw of a run whose tree has gone, with what its runtime reported of its tasks
 * (every report is read once the channel has closed: its writers were the run's processes).
 */
async function observationOf(
  observer: ProcessObserver | undefined,
  tasks: TaskChannel | undefined,
  run: ReportedRun,
): Promise<{ processes: ObservedProcess[]; coverage: ObservationCoverage } | undefined> {
  if (tasks !== undefined) await Promise.race([tasks.closed, sleep(TASK_CHANNEL_GRACE_MS, { unref: true })]);
  const observed = observer?.stop();
  if (observed === undefined || tasks === undefined) return observed;
  return { ...observed, processes: mergeTaskReports(observed.processes, tasks.reports(), run) };
}

/** What the watches of a run look at and act on. */
interface Watched {
  limits: ResolvedLimits;
  files: OutputFiles;
  tree: RunTree;
  reports: SupervisorReports;
  termination: Termination;
}

/** Stops the run at its first limit (memory, output, idleness) or at its timeout; returns what stops both watches. */
function watchRun(request: RunRequest, { limits, files, tree, reports, termination }: Watched): () => void {
  const stopWatching = watchLimits({
    limits,
    idleTimeoutMs: request.idleTimeoutMs,
    files,
    beforeLook: () => tree.discover(),
    mainHostPid: mainHostPidFinder(tree, reports),
    treePids: () => tree.treePids(),
    termination,
  });
  const clearDeadline = startTimeout(
    request.timeoutMs,
    () => reports.status(),
    termination,
    () => tree.treePids(),
  );
  return () => {
    stopWatching();
    clearDeadline();
  };
}

/** What launch knows of a run from its start, for its result. */
interface LaunchedRun {
  request: RunRequest;
  session: RunSession;
  tier: Tier;
  limits: ResolvedLimits;
  prepared: PreparedLaunch;
  files: OutputFiles;
  startedAt: number;
  arrivals: ArrivalLog | undefined;
}

/** The ProgramRun of a run that is over, `endMs` after its start, with what the observer saw. */
function resultOf(launched: LaunchedRun, { reports, termination }: EndingRun, endMs: number, observed: RunFacts['observed']): ProgramRun {
  const { request, session, tier, limits, prepared, files, startedAt, arrivals } = launched;
  return buildRun({
    name: request.name,
    program: request.program,
    tier,
    identity: session.identity,
    files,
    outputBytes: limits.outputBytes,
    stopped: termination.reason(),
    mainPid: reports.mainPid(),
    status: reports.status(),
    mainEndedMs: reports.mainEndedMs(),
    endMs,
    startedAt,
    env: prepared.env,
    // Node resolves symbolic links in the main module's path, and getcwd() does too.
    programDirSeen: tier.seenPath(path.dirname(prepared.entryPath)),
    cwdSeen: tier.seenPath(prepared.env.PWD!),
    sandboxProgramDir: prepared.paths.program,
    observed,
    arrivals: arrivals === undefined ? undefined : (stdout) => arrivals.stop(stdout),
  });
}

/** Starts the program and composes the stages that watch it, stop it and describe its end. */
function launch(request: RunRequest, session: RunSession, ownsSession: boolean, cleanups: Array<() => void>, cleanUp: () => void): RunningProgram {
  const tier = tierNamed(session.info.tier);
  const limits = resolveLimits(request.limits);
  const prepared = prepareLaunch(request, session, tier, limits, { ownsSession, cleanups });
  const files = openOutputFiles(cleanups);
  enterSession(session);
  cleanups.push(() => leaveSession(session));

  const startedAt = Date.now();
  const t0 = performance.now();
  const arrivals = request.timeArrivals ? new ArrivalLog(files.outFd, t0) : undefined;
  if (arrivals !== undefined) cleanups.push(() => arrivals.stop(''));
  const subprocess = startSupervisor(prepared.plan, files, prepared.taskChannel);
  const pgid = subprocess.pid;
  const stdin = subprocess.stdin as Writable | null;
  stdin?.on('error', () => undefined);
  let supervisorExited = false;
  const supervisorGone = exitOf(subprocess, () => (supervisorExited = true));
  // Weak tier: while no other program of the session runs, every process of its uid or marker is this program's.
  const sole = (): boolean => ownsSession || aloneInSession(session);
  const tree = tier.tree({ pgid, supervisorExited: () => supervisorExited, sole, matcher: sessionMatcher(session), ownsSession });
  const reports = readSupervisorChannel(subprocess.stdio[3], t0, () => tree.discover());
  setImmediate(() => tree.discover());
  // Once the run is over, its process group id and its slot uid (or marker) may already be another
  // run's: a stop that comes later (a step found failing after the program ended) kills nothing.
  let over = false;
  const termination = createTermination(() => {
    if (over) return;
    if (pgid !== undefined) killProcessGroup(pgid);
    tree.killRest();
  });
  const stopWatching = watchRun(request, { limits, files, tree, reports, termination });
  const observer = request.observe ? observeTree(pgid, tree, reports, t0) : undefined;
  const tasks = prepared.taskChannel ? readTaskChannel(subprocess.stdio[TASK_REPORT_FD] ?? null, t0) : undefined;

  const ending: EndingRun = { tree, reports, termination, supervisorGone };
  let result: ProgramRun | undefined;
  const done = (async (): Promise<ProgramRun> => {
    await treeGone(ending);
    const observed = await observationOf(observer, tasks, {
      mainPid: reports.mainPid(),
      supervisorPid: tree.supervisorPid(),
      mainCommand: prepared.command.join(' '),
      sandboxPids: tree.sandboxPids(),
      ownPidNamespace: tree.ownPidNamespace,
    });
    const endMs = await finishEnd(ending, t0, stopWatching);
    over = true;
    result = resultOf({ request, session, tier, limits, prepared, files, startedAt, arrivals }, ending, endMs, observed);
    return result;
  })().finally(cleanUp);
  return runningProgram({
    name: request.name,
    stdin,
    files,
    outputBytes: limits.outputBytes,
    tree,
    reports,
    termination,
    done,
    result: () => result,
    env: prepared.env,
    startedAt,
  });
}

/** execa's types accept only the literal fds 3..9 in `stdio`; at run time any open fd goes to spawn as is. */
function nativeFd(fd: number): 3 {
  return fd as 3;
}

/** The run whose steps failed, its ending saying so (and the step's advice). */
function stepFailedRun(run: ProgramRun, failure: StepFailure): ProgramRun {
  const hint = failure.hint === undefined ? {} : { stepHint: failure.hint };
  // The program ended by itself before the expected line: the step still names the failure.
  if (run.ending === 'exited') return { ...run, ending: 'step-timeout', endingDetail: failure.detail, endedDuringSteps: true, ...hint };
  return run.ending === 'step-timeout' ? { ...run, ...hint } : run;
}

/**
 * A failure of the steps, or a stop while they were played, is the grader's doubt when the grader
 * itself stalled long enough meanwhile to have caused it (LATE_STEPS_MS).
 */
export function withStepsDoubt(run: ProgramRun, failure: StepFailure): ProgramRun {
  const stoppedWhilePlaying = run.ending === 'step-timeout' || run.ending === 'timeout' || run.ending === 'no-progress';
  if (!stoppedWhilePlaying || run.endingDoubt !== undefined || failure.graderLateMs < LATE_STEPS_MS) return run;
  return {
    ...run,
    endingDoubt: `the grader itself was held up ${failure.graderLateMs} ms in all while it played the test's steps (the machine was too busy), so it may have sent an input line or a signal late, or looked too late at what your program did`,
  };
}

/**
 * Run a program to its end: interactive `steps`, or `stdin` text fed then closed (or closed at
 * once). Never throws.
 */
export async function runProgram(request: RunRequest, session?: RunSession): Promise<ProgramRun> {
  return driveProgram(await startProgram(request, session), request);
}

/** Plays a started program's steps, or writes its stdin and closes it; resolves to its run. Never rejects. */
export async function driveProgram(running: RunningProgram, request: RunRequest): Promise<ProgramRun> {
  if (request.steps !== undefined && request.steps.length > 0) {
    let failure: StepFailure | undefined;
    try {
      failure = await playSteps(running, request.steps);
    } catch (error) {
      failure = { step: -1, detail: (error as Error).message, graderLateMs: 0 };
    }
    if (failure === undefined) return running.done;
    running.stop('step-timeout', failure.detail);
    return withStepsDoubt(stepFailedRun(await running.done, failure), failure);
  }
  if (request.stdin !== undefined && request.stdin !== '') void running.write(request.stdin).then(() => running.closeStdin());
  else running.closeStdin();
  return running.done;
}
