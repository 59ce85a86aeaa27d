// The processes of one test in one work directory: the main one, and the test's `processes`
// (peers: further programs started `startAfterMs` after the main one, each with its own
// timeout, sharing the work directory and the session). Every process is waited for; a process
// stopped for a timeout or for no progress gets the likely cause from its threads' wait channels.
import type { BuiltProgram } from '../build/types.js';
import type { TestSpec } from '../spec/types.js';
import { driveProgram, runProgram, startProgram, type RunningProgram } from './run-program.js';
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
  try {
    const mainRequest: RunRequest = { ...base('main'), args: test.args, timeoutMs: test.timeoutMs };
    if (request.feedMain === undefined) {
      if (test.stdin !== undefined) mainRequest.stdin = test.stdin;
      if (test.steps !== undefined) mainRequest.steps = test.steps;
    }
    // Peers are timed from the main program's own start, after its preparation (which a loaded machine stretches).
    const running = await startProgram(mainRequest, session);
    const main = request.feedMain === undefined ? driveProgram(running, mainRequest) : request.feedMain(running).then(() => running.done);
    const peers = test.processes.map(async (peer): Promise<ProgramRun> => {
      const wait = (peer.startAfterMs ?? 0) - (Date.now() - running.startedAt);
      if (wait > 0) await sleep(wait);
      const peerRequest: RunRequest = { ...base(peer.name), args: peer.args, timeoutMs: peer.timeoutMs ?? test.timeoutMs };
      if (peer.entry !== undefined) peerRequest.entry = peer.entry;
      if (peer.stdin !== undefined) peerRequest.stdin = peer.stdin;
      return runProgram(peerRequest, session);
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
