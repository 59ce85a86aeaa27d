// Starting one program in the sandbox, watching it, stopping it, and describing how it ended.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { execa } from 'execa';
import { readableProgramDir } from '../sandbox/access.js';
import { buildEnvironment, MARKER_VARIABLE, mutantVariable } from '../sandbox/environment.js';
import { isRoot } from '../sandbox/identity.js';
import { buildLaunch, sandboxPaths } from '../sandbox/launch.js';
import { decodeShellStatus, parseSupervisorLine } from '../sandbox/supervisor.js';
import { childPids, findProcesses, killProcessGroup, processGroupAlive, processGroupHasLiveMember, processLive } from '../sandbox/sweep.js';
import type { ResolvedLimits } from '../sandbox/types.js';
import { classifyEnding } from './classify.js';
import { resolveLimits } from './limits.js';
import { scratchRoot } from './scratch.js';
import { readCapped } from './output.js';
import { lastLine, shorten } from '../util/text.js';
import { sleep } from '../util/time.js';
import { ProcessObserver, samplerReady } from './observe.js';
import { ArrivalLog } from './arrivals.js';
import {
  aloneInSession,
  closeSession,
  enterSession,
  handOverWorkDir,
  leaveSession,
  openSession,
  sessionHasProcesses,
  sessionMatcher,
  sweepSession,
  type RunSession,
} from './session.js';
import { mapToSources } from './source-positions.js';
import { anonymousMb, descendantPids } from './tree-memory.js';
import { playSteps, type StepFailure } from './steps.js';
import { innerPid, signalRunProcess, type SendSignal } from './signal.js';
import type { Ending, ProgramRun, RunRequest, RunSandbox } from './types.js';

/** How often sizes, idleness and leftover processes are looked at. */
const POLL_MS = 10;
/** The whole tree's memory is summed every this many polls (children can hoard too). */
const TREE_MEMORY_EVERY = 5;
/** Safety net: how long to wait for the killed supervisor to be reported gone. */
const EXIT_GRACE_MS = 2000;

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

function normaliseCwd(cwd: string | undefined): string {
  const relative = path.posix.normalize((cwd ?? '').replace(/\\/g, '/')).replace(/^\.\/?$/, '');
  if (relative.startsWith('/') || relative === '..' || relative.startsWith('../')) {
    throw new Error(`cwd ${JSON.stringify(cwd)} is not inside the work directory`);
  }
  return relative.replace(/\/$/, '');
}

function entryFile(request: RunRequest): string {
  const entry = request.entry ?? request.program.entry;
  return /\.[cm]?js$/.test(entry) ? entry : `${entry}.js`;
}

/** Without a uid of its own, the run shares RLIMIT_NPROC with the grader's user: count those. */
function processCap(limits: ResolvedLimits, hasOwnUid: boolean): number {
  if (hasOwnUid || isRoot() || typeof process.getuid !== 'function') return limits.processes;
  return limits.processes + findProcesses({ uid: process.getuid() }).length;
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

function launch(
  request: RunRequest,
  session: RunSession,
  ownsSession: boolean,
  cleanups: Array<() => void>,
  cleanUp: () => void,
): RunningProgram {
  const { info, identity } = session;
  const limits = resolveLimits(request.limits);
  const cwd = normaliseCwd(request.cwd);

  fs.mkdirSync(path.join(request.workDir, cwd), { recursive: true });
  if (ownsSession) handOverWorkDir(session, request.workDir);

  const privateDir = fs.mkdtempSync(path.join(scratchRoot(), 'grader-run-'));
  cleanups.push(() => fs.rmSync(privateDir, { recursive: true, force: true }));
  const outPath = path.join(privateDir, 'stdout');
  const errPath = path.join(privateDir, 'stderr');
  // Regular files, not pipes: a Worker makes a piped fd 1 non-blocking and writeSync then throws EAGAIN.
  const outFd = fs.openSync(outPath, 'a+');
  cleanups.push(() => fs.closeSync(outFd));
  const errFd = fs.openSync(errPath, 'a+');
  cleanups.push(() => fs.closeSync(errFd));

  const program = identity.uid !== undefined ? readableProgramDir(request.program.dir) : { dir: request.program.dir, remove: () => undefined };
  cleanups.push(() => program.remove());

  const paths = sandboxPaths(info.tier, program.dir, request.workDir);
  const join = info.tier === 'bubblewrap' ? path.posix.join : path.join;
  const env = { ...buildEnvironment(paths.work, request.env), ...mutantVariable(request.program.activeMutant) };
  if (identity.marker !== undefined) env[MARKER_VARIABLE] = identity.marker;
  const heapFlag = limits.heapMb === undefined ? [] : [`--max-old-space-size=${limits.heapMb}`];
  const entryPath = join(paths.program, entryFile(request));
  const command = [process.execPath, ...heapFlag, entryPath, ...request.args];
  const commandLimits = { ...limits, processes: processCap(limits, identity.uid !== undefined) };
  const plan = buildLaunch({ tier: info.tier, programDir: program.dir, workDir: request.workDir, cwd, command, env, limits: commandLimits, identity });
  const recordedEnv = { ...env, PWD: join(paths.work, cwd) };

  enterSession(session);
  cleanups.push(() => leaveSession(session));
  // Weak tier: while no other program of the session runs, every process of its uid or marker
  // (escaped descendants included) is this program's, to wait for and to kill, as bubblewrap does.
  const sole = (): boolean => ownsSession || aloneInSession(session);

  const startedAt = Date.now();
  const t0 = performance.now();
  const arrivals = request.timeArrivals ? new ArrivalLog(outFd, t0) : undefined;
  if (arrivals !== undefined) cleanups.push(() => arrivals.stop(''));
  const subprocess = execa(plan.file, plan.args, {
    env: plan.env,
    extendEnv: false,
    cwd: plan.cwd,
    reject: false,
    buffer: false,
    detached: true,
    stdio: ['pipe', nativeFd(outFd), nativeFd(errFd), 'pipe'],
  });
  const pgid = subprocess.pid;
  const stdin = subprocess.stdin as Writable | null;
  stdin?.on('error', () => undefined);
  const channel = subprocess.stdio[3] as Readable | null;

  let mainPid: number | undefined;
  let status: number | undefined;
  let mainEndedMs: number | undefined;
  let stopped: { ending: Ending; detail?: string } | undefined;
  let namespaceInit: number | undefined;
  let supervisorExited = false;
  let resolveMainEnded: () => void = () => undefined;
  const mainEnded = new Promise<void>((resolve) => (resolveMainEnded = resolve));

  // bwrap's child is the namespace's init: when it is gone, every process of the namespace is.
  const findNamespaceInit = (): void => {
    if (info.tier === 'bubblewrap' && namespaceInit === undefined && pgid !== undefined && !supervisorExited) {
      namespaceInit = childPids(pgid)[0];
    }
  };
  setImmediate(findNamespaceInit);

  let pending = '';
  channel?.setEncoding('utf8');
  channel?.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const message = parseSupervisorLine(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      if (message?.kind === 'pid') {
        mainPid = message.pid;
        findNamespaceInit();
      }
      else if (message?.kind === 'status') {
        status = message.status;
        mainEndedMs = performance.now() - t0;
        resolveMainEnded();
      }
    }
  });
  channel?.on('error', () => undefined);
  // Ended (every message read) once every holder of its write end has gone.
  let channelEnded = false;
  const channelClosed = new Promise<void>((resolve) => {
    const ended = (): void => {
      channelEnded = true;
      resolve();
    };
    if (channel === null) return ended();
    channel.once('close', ended);
    channel.once('end', ended);
  });

  const stop = (ending: Ending, detail?: string): void => {
    if (stopped !== undefined) return;
    stopped = { ending, detail };
    if (pgid !== undefined) killProcessGroup(pgid);
    // Only while bwrap lives: until it has reaped its child, that pid cannot belong to anyone else.
    if (namespaceInit !== undefined && !supervisorExited) killPid(namespaceInit);
    // Weak tier: escaped descendants (setsid, double fork) are found by uid or marker. A shared
    // session's peers may still be running: its owner sweeps at the end of the test.
    if (info.tier === 'weak' && sole()) sweepSession(session);
  };

  let lastOut = 0;
  let lastErr = 0;
  let lastGrowth = performance.now();
  let lastGrew: 'stdout' | 'stderr' = 'stdout';
  // Host pid of the main process, for its resident memory.
  let mainHostPid: number | undefined;
  const findMainHostPid = (): void => {
    if (mainHostPid !== undefined || mainPid === undefined || status !== undefined) return;
    if (info.tier === 'weak') mainHostPid = mainPid;
    else if (namespaceInit !== undefined) {
      const supervisor = childPids(namespaceInit)[0];
      mainHostPid = supervisor === undefined ? undefined : childPids(supervisor).find((pid) => innerPid(pid) === mainPid);
    }
  };

  // Every process of the run on the host: the namespace's, or the uid's (escaped ones included), or the group's tree.
  const treePids = (): number[] => {
    if (info.tier === 'bubblewrap') return namespaceInit === undefined ? [] : descendantPids(namespaceInit);
    const byIdentity = sole() ? sessionMatcher(session) : undefined;
    if (byIdentity !== undefined && 'uid' in byIdentity) return findProcesses(byIdentity);
    return pgid === undefined ? [] : [pgid, ...descendantPids(pgid)];
  };
  let polls = 0;
  const watch = (): void => {
    findNamespaceInit();
    findMainHostPid();
    if (mainHostPid !== undefined && status === undefined) {
      const rssMb = residentMb(mainHostPid);
      if (rssMb !== undefined && rssMb > limits.memoryMb) {
        stop('memory-limit', `the main process used ${Math.round(rssMb)} MiB of memory (the cap is ${limits.memoryMb} MiB)`);
        return;
      }
    }
    if (++polls % TREE_MEMORY_EVERY === 0) {
      const treeMb = anonymousMb(treePids());
      if (treeMb > limits.memoryMb) {
        stop('memory-limit', `the program's processes used ${Math.round(treeMb)} MiB of memory together (the cap is ${limits.memoryMb} MiB)`);
        return;
      }
    }
    const outSize = fs.fstatSync(outFd).size;
    const errSize = fs.fstatSync(errFd).size;
    if (outSize >= limits.outputBytes || errSize >= limits.outputBytes) {
      const stream = outSize >= limits.outputBytes ? 'stdout' : 'stderr';
      stop('output-limit', `${stream} reached the cap of ${limits.outputBytes} bytes`);
      return;
    }
    if (outSize !== lastOut || errSize !== lastErr) {
      lastGrew = errSize !== lastErr && outSize === lastOut ? 'stderr' : 'stdout';
      lastOut = outSize;
      lastErr = errSize;
      lastGrowth = performance.now();
    } else if (request.idleTimeoutMs !== undefined && performance.now() - lastGrowth >= request.idleTimeoutMs) {
      const last = lastLine(readCapped(lastGrew === 'stdout' ? outPath : errPath, limits.outputBytes).text);
      const line = last === undefined ? undefined : shorten(last, 200);
      stop(
        'no-progress',
        line === undefined
          ? `nothing was printed for ${request.idleTimeoutMs} ms (no output at all)`
          : `nothing was printed for ${request.idleTimeoutMs} ms after ${JSON.stringify(line)}`,
      );
    }
  };
  const ticker = setInterval(watch, POLL_MS * 2);
  const deadline = setTimeout(() => {
    const detail =
      status === undefined
        ? `still running after ${request.timeoutMs} ms`
        : `the main process ended (status ${status}) but its descendants were still running after ${request.timeoutMs} ms`;
    stop('timeout', detail);
  }, request.timeoutMs);

  const supervisorGone = new Promise<void>((resolve) => {
    const gone = (): void => {
      supervisorExited = true;
      resolve();
    };
    subprocess.once('exit', gone);
    subprocess.once('error', gone);
    void subprocess.then(gone);
  });

  // Weak tier: the supervisor does not wait for descendants; wait here for the process group
  // and, with a uid or marker, for escaped ones too.
  const treeGone = async (): Promise<void> => {
    await supervisorGone;
    // The supervisor reports the status before it exits; none, once every message has been read,
    // means the program (or something else) killed it, and its own status can no longer be
    // known: stop the rest at once. (Never on a timer alone: on a loaded machine the status may
    // still be unread in the pipe.)
    await Promise.race([channelClosed, sleep(EXIT_GRACE_MS, { unref: true })]);
    if (channelEnded && stopped === undefined && status === undefined && mainPid !== undefined) {
      stop('supervisor-killed', "the grader's supervisor, its parent process, was killed before it ended");
    }
    if (plan.waitsForDescendants || pgid === undefined) return;
    let polls = 0;
    for (;;) {
      if (stopped !== undefined) return;
      polls++;
      const groupAlive = polls % 10 === 0 ? processGroupHasLiveMember(pgid) : processGroupAlive(pgid);
      if (!groupAlive && !(sole() && sessionHasProcesses(session))) return;
      await sleep(groupAlive ? POLL_MS : POLL_MS * 5, { unref: true });
    }
  };

  const settled = async (): Promise<void> => {
    const limit = performance.now() + EXIT_GRACE_MS;
    while (performance.now() < limit) {
      const left =
        info.tier === 'bubblewrap' && namespaceInit !== undefined
          ? processLive(namespaceInit)
          : (pgid !== undefined && info.tier === 'weak' && processGroupHasLiveMember(pgid)) || (sole() && sessionHasProcesses(session));
      if (!left) return;
      if (info.tier === 'weak' && sole()) sweepSession(session);
      await sleep(1, { unref: true });
    }
  };

  const matcher = ownsSession ? sessionMatcher(session) : undefined;
  const observer = request.observe
    ? new ProcessObserver(
        {
          // Known from the start: bwrap (whose child is the namespace's init, pid 1) or the supervisor.
          treeRoot: () => pgid,
          sandboxPids: () => (info.tier === 'bubblewrap' ? [1, 2] : pgid === undefined ? [] : [pgid]),
          supervisorPid: () => (info.tier === 'bubblewrap' ? 2 : pgid),
          mainPid: () => mainPid,
          extraPids: () => (info.tier === 'weak' && matcher !== undefined ? findProcesses(matcher) : []),
        },
        t0,
      )
    : undefined;

  let isFinished = false;
  let finalStdout = '';
  const done = (async (): Promise<ProgramRun> => {
    await treeGone();
    const observed = observer?.stop();
    // After a kill, the supervisor's exit is normally immediate.
    await Promise.race([supervisorGone, sleep(EXIT_GRACE_MS, { unref: true })]);
    const endMs = performance.now() - t0;
    // bwrap reports its child's status before its namespace init has quite gone; after a kill,
    // processes take a moment to finish dying. Resolve only when none of them is left.
    if (stopped !== undefined || info.tier === 'bubblewrap') await settled();
    clearInterval(ticker);
    clearTimeout(deadline);
    if (info.tier === 'weak' && sole()) sweepSession(session);
    resolveMainEnded();

    const out = readCapped(outPath, limits.outputBytes);
    const err = readCapped(errPath, limits.outputBytes);
    const hitOutputCap = out.bytes >= limits.outputBytes || err.bytes >= limits.outputBytes;
    let ending: Ending;
    let detail: string | undefined;
    if (stopped !== undefined) {
      ({ ending, detail } = stopped);
    } else {
      const capped = out.bytes >= limits.outputBytes ? 'stdout' : 'stderr';
      const outputCapDetail = `${capped} reached the cap of ${limits.outputBytes} bytes`;
      ({ ending, detail } = classifyEnding({ started: mainPid !== undefined, status, stderr: err.text, hitOutputCap, outputCapDetail }));
    }
    const decoded = status !== undefined ? decodeShellStatus(status) : { exitCode: null, signal: stopped ? 'SIGKILL' : null };
    const sandboxNote: RunSandbox = { tier: info.tier };
    if (identity.uid !== undefined) sandboxNote.uid = identity.uid;
    if (identity.marker !== undefined) sandboxNote.marker = identity.marker;
    const run: ProgramRun = {
      name: request.name,
      stdout: out.text,
      // Positions in the built .js files, as the student's .ts files (source-positions.ts).
      stderr: mapToSources(err.text, request.program, paths.program),
      exitCode: decoded.exitCode,
      signal: decoded.signal,
      ending,
      elapsedMs: Math.round(mainEndedMs ?? endMs),
      totalMs: Math.round(endMs),
      startedAt,
      endedAt: startedAt + Math.round(endMs),
      env: recordedEnv,
      truncated: hitOutputCap,
      sandbox: sandboxNote,
    };
    if (detail !== undefined) run.endingDetail = detail;
    if (observed !== undefined) {
      run.processes = observed.processes;
      run.observation = observed.coverage;
    }
    if (mainPid !== undefined) run.mainPid = mainPid;
    // Node resolves symbolic links in the main module's path, and getcwd() does too (weak tier: host paths).
    run.programDir = info.tier === 'bubblewrap' ? path.posix.dirname(entryPath) : realPath(path.dirname(entryPath));
    run.cwd = info.tier === 'bubblewrap' ? recordedEnv.PWD! : realPath(path.join(request.workDir, cwd));
    if (arrivals !== undefined) run.lineArrivalsMs = arrivals.stop(out.text);
    finalStdout = run.stdout;
    isFinished = true;
    return run;
  })().finally(cleanUp);

  return {
    name: request.name,
    write: (text) =>
      new Promise<void>((resolve) => {
        if (stdin === null || stdin.destroyed || stdin.writableEnded) return resolve();
        stdin.write(text, () => resolve());
      }),
    closeStdin: () => {
      if (stdin !== null && !stdin.writableEnded) stdin.end();
    },
    stdoutSoFar: () => (isFinished ? finalStdout : readCapped(outPath, limits.outputBytes).text),
    stop,
    mainEnded,
    done,
    finished: () => isFinished,
    mainPid: () => mainPid,
    signal: (signal, ownPid, label) => {
      if (ownPid === undefined && (status !== undefined || isFinished)) {
        const ended = status === undefined ? undefined : decodeShellStatus(status);
        const how = ended === undefined ? '' : ended.signal !== null ? ` (killed by ${ended.signal})` : ` (exit status ${ended.exitCode})`;
        return { sent: false, reason: `your program had already ended${how}` };
      }
      if (mainPid === undefined) return { sent: false, reason: 'your program had not started yet' };
      // Inside bubblewrap's PID namespace the program sees other pids than the host's.
      // Never the sandbox's own processes (bubblewrap's init is pid 1 inside, the supervisor pid 2; the weak tier's supervisor leads the group).
      const processes = treePids()
        .map((hostPid) => ({ hostPid, ownPid: info.tier === 'bubblewrap' ? (innerPid(hostPid) ?? 0) : hostPid }))
        .filter(({ hostPid, ownPid }) => (info.tier === 'bubblewrap' ? ownPid > 2 : hostPid !== pgid));
      return signalRunProcess(signal, ownPid ?? mainPid, processes, label ?? 'the process the grader started');
    },
    env: recordedEnv,
    startedAt,
  };
}

/** execa's types accept only the literal fds 3..9 in `stdio`; at run time any open fd goes to spawn as is. */
function nativeFd(fd: number): 3 {
  return fd as 3;
}

/** Resident memory of a process in MiB (VmRSS), if readable. */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** The path with symbolic links resolved (as given if it cannot be). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

/**
 * Run a program to its end: interactive `steps`, or `stdin` text fed then closed (or closed at
 * once). Never throws.
 */
export async function runProgram(request: RunRequest, session?: RunSession): Promise<ProgramRun> {
  const running = await startProgram(request, session);
  if (request.steps !== undefined && request.steps.length > 0) {
    let failure: StepFailure | undefined;
    try {
      failure = await playSteps(running, request.steps);
    } catch (error) {
      failure = { step: -1, detail: (error as Error).message };
    }
    if (failure === undefined) return running.done;
    running.stop('step-timeout', failure.detail);
    const run = await running.done;
    const hint = failure.hint === undefined ? {} : { stepHint: failure.hint };
    // The program ended by itself before the expected line: the step still names the failure.
    if (run.ending === 'exited') return { ...run, ending: 'step-timeout', endingDetail: failure.detail, endedDuringSteps: true, ...hint };
    return run.ending === 'step-timeout' ? { ...run, ...hint } : run;
  }
  if (request.stdin !== undefined && request.stdin !== '') void running.write(request.stdin).then(() => running.closeStdin());
  else running.closeStdin();
  return running.done;
}
