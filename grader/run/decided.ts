// A multi-process test is decided the moment one of its processes ends in a way one of the
// test's `exit` checks rejects: nothing the other processes do afterwards can make it pass. The
// runner then stops them (ending 'stopped-decided') instead of letting a reader wait for its
// failed writer until the timeout, and the verdict is that failed exit check.
import { endedAsExpected, type ExitConfig } from '../checks/exit.js';
import type { CheckSpec, TestSpec } from '../spec/types.js';
import type { ProgramRun } from './types.js';
import { seconds } from '../util/time.js';

/** The `exit` checks that read the process `name` (a check that names no process reads the main one). */
export function exitChecksOf(checks: readonly CheckSpec[], name: string): ExitConfig[] {
  // A loaded spec's checks were validated against their kind's schema: an `exit` check is an ExitConfig.
  return checks.filter((check) => check.check === 'exit' && (check.process ?? 'main') === name).map((check) => check as unknown as ExitConfig);
}

/** A process of the test in a sentence: "your main program", or `the "writer" process`. */
export function processInSentence(run: Pick<ProgramRun, 'name'>): string {
  return run.name === 'main' ? 'your main program' : `the "${run.name}" process`;
}

/** How a process that ended by itself ended: "exited with status 1", "was killed by SIGSEGV". */
export function howItExited(run: Pick<ProgramRun, 'signal' | 'exitCode'>): string {
  return run.signal !== null ? `was killed by ${run.signal}` : `exited with status ${run.exitCode ?? '?'}`;
}

/** What the ending of `run` decides: a sentence naming the process and how it ended when an exit check of the test rejects it, else undefined. */
export function decisiveFailure(test: Pick<TestSpec, 'checks'>, run: ProgramRun): string | undefined {
  // Only a process that ended by itself, measured without doubt: a stopped one is the verdict of its ending.
  if (run.ending !== 'exited' || run.endingDoubt !== undefined) return undefined;
  if (exitChecksOf(test.checks, run.name).every((config) => endedAsExpected(config, run))) return undefined;
  return `${processInSentence(run)} ${howItExited(run)} after ${seconds(run.elapsedMs)}`;
}

const NOT_STARTED = 'It was not started';

/** The ending detail of a process stopped (or never started) because `failure` had decided the test. */
export function stoppedDetail(failure: string, started: boolean): string {
  return `${started ? 'The grader stopped it' : NOT_STARTED} once ${failure}: that decides the test, whatever the other processes do`;
}

/** True for a peer that was never started because the test had been decided before its start time. */
export function neverStarted(run: ProgramRun): boolean {
  return run.ending === 'stopped-decided' && run.endingDetail?.startsWith(NOT_STARTED) === true;
}
