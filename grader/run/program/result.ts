// The result of one run: how it ended (the recorded stop reason, else classified from the
// status and stderr), what it printed, its times, and where the sandbox showed it its files.
import type { BuiltProgram } from '../../build/types.js';
import { decodeShellStatus } from '../../sandbox/supervisor.js';
import type { RunIdentity } from '../../sandbox/types.js';
import type { Tier } from '../../sandbox/tier.js';
import { classifyEnding } from '../classify.js';
import { readCapped } from '../output.js';
import { languageOf } from '../../languages/index.js';
import type { Ending, ObservationCoverage, ObservedProcess, ProgramRun, RunSandbox } from '../types.js';
import type { OutputFiles } from './output-files.js';
import type { StopReason } from './termination.js';
import type { LineArrivals } from '../arrivals.js';

/** Everything the result is built from, once every process of the run has ended. */
export interface RunFacts {
  name: string;
  program: BuiltProgram;
  tier: Tier;
  identity: RunIdentity;
  files: OutputFiles;
  outputBytes: number;
  stopped: StopReason | undefined;
  mainPid: number | undefined;
  status: number | undefined;
  /** ms from the start to the main process's end, and to the end of the whole tree. */
  mainEndedMs: number | undefined;
  endMs: number;
  startedAt: number;
  /** The environment as the program saw it (PWD included). */
  env: Record<string, string>;
  /** Where the program saw its program directory's entry and its work directory. */
  programDirSeen: string;
  cwdSeen: string;
  /** Where the sandbox showed the program its program directory (for stack traces). */
  sandboxProgramDir: string;
  observed: { processes: ObservedProcess[]; coverage: ObservationCoverage } | undefined;
  /** When each stdout line arrived, once stdout is known. */
  arrivals?: ((stdout: string) => LineArrivals) | undefined;
}

/** How the run ended and why. */
function endingOf(facts: RunFacts, hitOutputCap: boolean, outBytes: number, stderr: string): StopReason {
  if (facts.stopped !== undefined) return facts.stopped;
  const capped = outBytes >= facts.outputBytes ? 'stdout' : 'stderr';
  const outputCapDetail = `${capped} reached the cap of ${facts.outputBytes} bytes`;
  return classifyEnding({ started: facts.mainPid !== undefined, status: facts.status, stderr, hitOutputCap, outputCapDetail });
}

function sandboxNote(facts: RunFacts): RunSandbox {
  const note: RunSandbox = { tier: facts.tier.name };
  if (facts.identity.uid !== undefined) note.uid = facts.identity.uid;
  if (facts.identity.marker !== undefined) note.marker = facts.identity.marker;
  return note;
}

/** The run as the checks see it. */
export function buildRun(facts: RunFacts): ProgramRun {
  const out = readCapped(facts.files.outPath, facts.outputBytes);
  const err = readCapped(facts.files.errPath, facts.outputBytes);
  const hitOutputCap = out.bytes >= facts.outputBytes || err.bytes >= facts.outputBytes;
  const { ending, detail }: { ending: Ending; detail?: string | undefined } = endingOf(facts, hitOutputCap, out.bytes, err.text);
  const decoded = facts.status !== undefined ? decodeShellStatus(facts.status) : { exitCode: null, signal: facts.stopped ? 'SIGKILL' : null };
  const run: ProgramRun = {
    name: facts.name,
    stdout: out.text,
    // Positions in the files that ran, as the student's source files (TypeScript: source-positions.ts).
    stderr: languageOf(facts.program).sourcePositions(err.text, facts.program, facts.sandboxProgramDir),
    exitCode: decoded.exitCode,
    signal: decoded.signal,
    ending,
    elapsedMs: Math.round(facts.mainEndedMs ?? facts.endMs),
    totalMs: Math.round(facts.endMs),
    startedAt: facts.startedAt,
    endedAt: facts.startedAt + Math.round(facts.endMs),
    env: facts.env,
    truncated: hitOutputCap,
    sandbox: sandboxNote(facts),
  };
  if (facts.program.language !== undefined) run.language = facts.program.language;
  if (detail !== undefined) run.endingDetail = detail;
  if (facts.stopped?.doubt !== undefined) run.endingDoubt = facts.stopped.doubt;
  if (facts.observed !== undefined) {
    run.processes = facts.observed.processes;
    run.observation = facts.observed.coverage;
  }
  if (facts.mainPid !== undefined) run.mainPid = facts.mainPid;
  run.programDir = facts.programDirSeen;
  run.cwd = facts.cwdSeen;
  if (facts.arrivals !== undefined) {
    const { latestMs, earliestMs } = facts.arrivals(out.text);
    run.lineArrivalsMs = latestMs;
    run.lineEarliestMs = earliestMs;
  }
  return run;
}
