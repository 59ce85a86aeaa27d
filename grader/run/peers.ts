// The processes of one test in one work directory: the main one, and the test's `processes`
// (peers: further programs started `startAfterMs` after the main one, each with its own
// timeout, sharing the work directory and the session). Every process is waited for; a process
// stopped for a timeout or for no progress gets the likely cause from its threads' wait channels.
// Once a process ends as one of the test's exit checks rejects, the test is decided: the others
// are stopped and peers not yet started are not started (decided.ts).
import type { BuiltProgram } from '../build/types.js';
import type { TestSpec } from '../spec/types.js';
import { decisiveFailure, stoppedDetail } from './decided.js';
import { driveProgram, startFailure, startProgram, type RunningProgram } from './run-program.js';
import type { RunSession } from './session.js';
import { describeStall, watchStalls } from './stall.js';
import type { ProgramRun, RunLimits, RunRequest } from './types.js';
import { sleep } from '../util/time.js';

/** What runProcesses needs beyond the test. */
export interface ProcessesRequest {
  test: TestSpec;
  program: BuiltProgram;
  session: RunSession;
  workDir: string;
  limits?: RunLimits;
  /** Gives the main process its standard input (default: the test's `stdin` or `steps`, as runProgram does). */
  feedMain?: (running: RunningProgram) => Promise<void>;
}

/** Runs the main process and every peer to their ends; resolves with their runs by name. Never rejects for anything a program does. */
export async function runProcesses(request: ProcessesRequest): Promise<Record<string, ProgramRun>> {
  const { test, program, session, workDir } = request;
  const limits: RunLimits = { ...request.limits };
  if (test.umask !== undefined) limits.umask = test.umask;
  const base = (name: string): Omit<RunRequest, 'args' | 'timeoutMs'> => {
    const fields: Omit<RunRequest, 'args' | 'timeoutMs'> = { name, program, env: test.env, workDir, limits };
    if (test.observe) fields.observe = true;
    // `timing` checks read when each line arrived.
    if (test.checks.some((check) => check.check === 'timing')) fields.timeArrivals = true;
    if (test.cwd !== undefined) fields.cwd = test.cwd;
    if (test.idleTimeoutMs !== undefined) fields.idleTimeoutMs = test.idleTimeoutMs;
    return fields;
  };

  const watch = watchStalls(session);
  // The processes still running, and the failure that decided the test (once one has).
  const live = new Set<RunningProgram>();
  let decidedBy: string | undefined;
  let decide: () => void = () => undefined;
  const decision = new Promise<void>((resolve) => (decide = resolve));
  const settle = async (handle: RunningProgram, done: Promise<ProgramRun>): Promise<ProgramRun> => {
    live.add(handle);
    const run = await done;
    live.delete(handle);
    const failure = test.processes.length > 0 && decidedBy === undefined ? decisiveFailure(test, run) : undefined;
    if (failure !== undefined) {
      decidedBy = failure;
      decide();
      // A process that has ended already keeps its own ending (the first one recorded wins).
      for (const other of live) other.stop('stopped-decided', stoppedDetail(failure, true));
    }
    return run;
  };
  try {
    const mainRequest: RunRequest = { ...base('main'), args: test.args, timeoutMs: test.timeoutMs };
    if (request.feedMain === undefined) {
      if (test.stdin !== undefined) mainRequest.stdin = test.stdin;
      if (test.steps !== undefined) mainRequest.steps = test.steps;
    }
    // Peers are timed from the main program's own start, after its preparation (which a loaded machine stretches).
    const running = await startProgram(mainRequest, session);
    const main = settle(running, request.feedMain === undefined ? driveProgram(running, mainRequest) : request.feedMain(running).then(() => running.done));
    const peers = test.processes.map(async (peer): Promise<ProgramRun> => {
      const wait = (peer.startAfterMs ?? 0) - (Date.now() - running.startedAt);
      if (wait > 0) await Promise.race([sleep(wait), decision]);
      if (decidedBy !== undefined) return { ...startFailure(peer.name, stoppedDetail(decidedBy, false)), ending: 'stopped-decided' };
      const peerRequest: RunRequest = { ...base(peer.name), args: peer.args, timeoutMs: peer.timeoutMs ?? test.timeoutMs };
      if (peer.entry !== undefined) peerRequest.entry = peer.entry;
      if (peer.stdin !== undefined) peerRequest.stdin = peer.stdin;
      const started = await startProgram(peerRequest, session);
      const run = settle(started, driveProgram(started, peerRequest));
      // Decided while this peer was being prepared: it was not yet among the live ones.
      if (decidedBy !== undefined) started.stop('stopped-decided', stoppedDetail(decidedBy, true));
      return run;
    });
    const runs = await Promise.all([main, ...peers]);
    const stall = describeStall(
      watch.available ? watch.latest() : undefined,
      test.files.filter((fixture) => fixture.type === 'fifo').map((fixture) => fixture.path),
    );
    const byName: Record<string, ProgramRun> = {};
    for (const run of runs) {
      if (stall !== undefined && (run.ending === 'timeout' || run.ending === 'no-progress')) {
        // The verdict itself says "still running after N s": the cause says more than the bare detail.
        const bare = run.endingDetail === undefined || /^still running after \d+ ms$/.test(run.endingDetail);
        run.endingDetail = bare ? stall : `${run.endingDetail}. ${stall}`;
      }
      byName[run.name] = run;
    }
    return byName;
  } finally {
    watch.stop();
  }
}
