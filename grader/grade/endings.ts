// The ending verdict of a test's processes: the first that did not end by itself, with the
// test's `onStall` hint when it stalled, and, in multi-process tests, the peers that had already
// ended (a process that waits forever for a peer that has gone).
import { escapeForDisplay } from '../checks/display.js';
import type { CheckResult } from '../report/types.js';
import type { ProgramRun } from '../run/types.js';
import type { TestSpec } from '../spec/types.js';
import { endingCheck } from './verdict.js';

/** The verdict of one run; a bare "still running after N ms" detail is dropped (the verdict says so already). */
function verdictOf(test: TestSpec, run: ProgramRun): CheckResult {
  const bare = run.endingDetail !== undefined && /^still running after \d+ ms$/.test(run.endingDetail);
  if (!bare) return endingCheck(run, timeoutOf(test, run));
  const { endingDetail: _bare, ...withoutDetail } = run;
  return endingCheck(withoutDetail, timeoutOf(test, run));
}

function timeoutOf(test: TestSpec, run: ProgramRun): number {
  if (run.name === 'main') return test.timeoutMs;
  return test.processes.find((p) => p.name === run.name)?.timeoutMs ?? test.timeoutMs;
}

function stalled(run: ProgramRun): boolean {
  return run.ending === 'timeout' || run.ending === 'no-progress';
}

function who(run: ProgramRun): string {
  return run.name === 'main' ? 'your program' : `your program's "${run.name}" process`;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "Your program's "writer" process exited with status 1 after 0.1 s (stderr: `error: ...`)". */
function endedSentence(run: ProgramRun): string {
  const how = run.signal !== null ? `was killed by ${run.signal}` : `exited with status ${run.exitCode ?? '?'}`;
  const stderr = run.stderr.split('\n').find((line) => line.trim() !== '');
  const said = stderr === undefined ? '' : ` (stderr: ${escapeForDisplay(stderr, { maxChars: 160 })})`;
  const text = `${who(run)} ${how} after ${seconds(run.elapsedMs)}${said}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * The verdict on how the test's processes ended, or undefined when every one ended by itself.
 * Names every process that did not end by itself and, when one stalled, the peers that had
 * already ended: the likely cause is that it waited for one of them.
 */
export function endingVerdict(test: TestSpec, runs: Record<string, ProgramRun>): CheckResult | undefined {
  const all = Object.values(runs);
  const broken = all.filter((run) => run.ending !== 'exited');
  const first = broken[0];
  if (first === undefined) return undefined;
  const verdict = verdictOf(test, first);
  const others = broken.slice(1).map((run) => verdictOf(test, run).message);
  if (stalled(first) && test.onStall !== undefined) verdict.hint = test.onStall;
  const gone = all.filter((run) => run.ending === 'exited' && run !== first);
  if (!stalled(first) || gone.length === 0) {
    if (others.length > 0) verdict.message = [verdict.message, ...others].join(' ');
    return verdict;
  }
  const names = gone.map((run) => (run.name === 'main' ? 'your main program' : `the "${run.name}" process`)).join(' and ');
  verdict.message = [
    ...gone.map(endedSentence),
    verdict.message,
    ...others,
    `It was most likely waiting for ${names}, which had already ended.`,
  ].join(' ');
  verdict.hint =
    test.onStall ??
    'A process that waits for a peer (opening a FIFO, reading from it) waits forever once the peer has gone: look at why the peer ended (its status and stderr above).';
  return verdict;
}
