// How a test's processes ended, as checks: `endingCheck` for one run (what stopped it and the
// likely cause), `endingVerdict` for the whole test (the first process that did not end by
// itself, with the test's `onStall` hint when it stalled, and, in multi-process tests, the peers
// that had already ended: a process that waits forever for a peer that has gone).
import { escapeForDisplay } from '../checks/display.js';
import { graderDoubt } from '../checks/doubt.js';
import type { CheckResult } from '../report/types.js';
import { processCapEvidence } from '../run/classify.js';
import { howItExited, neverStarted, processInSentence } from '../run/decided.js';
import { ANSWER_INPUT_HINT } from '../run/steps.js';
import type { ProgramRun } from '../run/types.js';
import type { CheckSpec, TestSpec } from '../spec/types.js';
import { capitalise, lastLine, lowerFirst } from '../util/text.js';
import { seconds } from '../util/time.js';

const FORK_BOMB_HINT = 'A child that starts children of its own in a loop (a fork bomb) ends here; each child should do its work and exit.';

/** "exited with status 1", "was killed by signal SIGINT". */
function howItEnded(run: ProgramRun): string {
  return run.signal !== null ? `was killed by signal ${run.signal}` : run.exitCode !== null ? `exited with status ${run.exitCode}` : 'ended';
}

/** The detail as a sentence of its own (ending with a full stop). */
function sentence(detail: string): string {
  return detail === '' || /[.!?]$/.test(detail) ? detail : `${detail}.`;
}

/**
 * "No progress: your program stopped printing after `acquire 1` (nothing more for 2 s), so it
 * was stopped." The runner's own detail ("nothing was printed for 2000 ms after ...") is folded
 * in; anything after it (what a stalled process was waiting for) is kept.
 */
function noProgressMessage(who: string, last: string | undefined, endingDetail: string | undefined): string {
  const idle = /^nothing was printed for (\d+) ms(?: after "(?:[^"\\]|\\.)*"| \(no output at all\))?\.?\s*/.exec(endingDetail ?? '');
  const rest = idle === null ? (endingDetail ?? '') : (endingDetail ?? '').slice(idle[0].length);
  const forHow = idle === null ? 'for a long while' : `for ${seconds(Number(idle[1]))}`;
  const whom = lowerFirst(who);
  const what =
    last === undefined ? `${whom} printed nothing at all ${forHow}` : `${whom} stopped printing after ${escapeForDisplay(last)} (nothing more ${forHow})`;
  return `No progress: ${what}, so it was stopped.${rest === '' ? '' : ` ${rest}`}`;
}

/**
 * How the run ended, as a check: passes when the program ended by itself; otherwise says what
 * stopped it (timeout, no progress, flood, memory, processes, start failure) and the likely cause.
 */
export function endingCheck(run: ProgramRun, timeoutMs: number): CheckResult {
  const who = run.name === 'main' ? 'Your program' : `Your program's "${run.name}" process`;
  const detail = run.endingDetail ? ` ${run.endingDetail}` : '';
  const last = lastLine(run.stdout);
  const lastPrinted = last === undefined ? ' It printed nothing on stdout.' : ` The last line it printed was ${escapeForDisplay(last)}.`;
  // A fork bomb usually ends at the timeout: name the cap it ran into as well.
  const capHit = run.ending === 'timeout' || run.ending === 'no-progress' ? processCapEvidence(run.stderr) : undefined;
  const cap =
    capHit === undefined ? '' : ` On the way it ran into the cap on the number of processes (stderr: ${escapeForDisplay(capHit, { maxChars: 120 })}).`;
  // The machine starved the run (a timeout), or the grader stalled while it played the steps (a
  // stop then, run-program.ts): the ending measured the machine (re-run, then the grader's error).
  if (run.ending !== 'exited' && run.endingDoubt !== undefined) return { check: 'ending', ...graderDoubt(run.endingDoubt) };
  switch (run.ending) {
    case 'exited':
      return { check: 'ending', passed: true, message: '' };
    case 'timeout':
      return {
        check: 'ending',
        passed: false,
        message: `${who} was still running after ${seconds(timeoutMs)} and was stopped.${lastPrinted}${detail}${cap}`,
        hint:
          capHit !== undefined
            ? FORK_BOMB_HINT
            : 'Look for a loop that never ends, a child or thread that is never joined or never exits, or a read from standard input or a pipe that waits for data that never comes.',
      };
    case 'no-progress':
      return {
        check: 'ending',
        passed: false,
        message: noProgressMessage(who, last, run.endingDetail) + cap,
        hint: 'Threads or processes waiting for each other (a deadlock), for example a lock that is not reentrant taken a second time by the same thread, or a reader waiting for a writer that never comes.',
      };
    case 'step-timeout':
      return {
        check: 'ending',
        passed: false,
        message: `${run.endedDuringSteps === true ? `${who} ${howItEnded(run)} during the interactive steps.` : `${who} did not answer in time.`}${sentence(detail)}${lastPrinted}`,
        hint: run.stepHint ?? ANSWER_INPUT_HINT,
      };
    case 'output-limit':
      return {
        check: 'ending',
        passed: false,
        message: `${who} printed far more output than expected and was stopped.${detail}`,
        hint: 'Look for a loop that prints and never ends.',
      };
    case 'memory-limit':
      return {
        check: 'ending',
        passed: false,
        message: `${who} ran out of memory and was stopped.${detail}`,
        hint: 'Look for data that grows without bound: an array or string filled in a loop that never ends.',
      };
    case 'process-limit':
      return {
        check: 'ending',
        passed: false,
        message: `${who} tried to start more processes than allowed.${detail}`,
        hint: FORK_BOMB_HINT,
      };
    case 'supervisor-killed':
      return {
        check: 'ending',
        passed: false,
        message: `The grader's supervisor (the parent process of ${lowerFirst(who)}) was killed, most likely by the program itself, so how it ended is unknown; the run was stopped.${lastPrinted}`,
        hint: 'Signal only the processes your program started (the pids that spawn returned), never process.ppid, a process group you did not create, or -1.',
      };
    case 'start-failure':
      return {
        check: 'ending',
        passed: false,
        message: `${who} could not be started.${detail}`,
      };
    case 'stopped-decided':
      return { check: 'ending', passed: false, message: `${who} did not run to its end.${sentence(detail)}` };
  }
}

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

/** "Your program's "writer" process exited with status 1 after 0.1 s (stderr: `error: ...`)". */
function endedSentence(run: ProgramRun): string {
  const how = howItExited(run);
  const stderr = run.stderr.split('\n').find((line) => line.trim() !== '');
  const said = stderr === undefined ? '' : ` (stderr: ${escapeForDisplay(stderr, { maxChars: 160 })})`;
  const text = `${who(run)} ${how} after ${seconds(run.elapsedMs)}${said}`;
  return `${capitalise(text)}.`;
}

/**
 * The verdict on how the test's processes ended, or undefined when every one ended by itself.
 * Names every process that did not end by itself and, when one stalled, the peers that had
 * already ended: the likely cause is that it waited for one of them.
 */
export function endingVerdict(test: TestSpec, runs: Record<string, ProgramRun>): CheckResult | undefined {
  const all = Object.values(runs);
  // Stopped by the grader once another process had decided the test: that process's exit check is the verdict (decidedChecks).
  const broken = all.filter((run) => run.ending !== 'exited' && run.ending !== 'stopped-decided');
  const first = broken[0];
  if (first === undefined) return undefined;
  const verdict = verdictOf(test, first);
  // The grader's doubt (a starved timeout) is not a stall to explain: it is measured again.
  if (verdict.doubt !== undefined) return verdict;
  const others = broken.slice(1).map((run) => verdictOf(test, run).message);
  if (stalled(first) && test.onStall !== undefined) verdict.hint = test.onStall;
  const gone = all.filter((run) => run.ending === 'exited' && run !== first);
  if (!stalled(first) || gone.length === 0) {
    if (others.length > 0) verdict.message = [verdict.message, ...others].join(' ');
    return verdict;
  }
  const names = gone.map(processInSentence).join(' and ');
  verdict.message = [...gone.map(endedSentence), verdict.message, ...others, `It was most likely waiting for ${names}, which had already ended.`].join(' ');
  verdict.hint =
    test.onStall ??
    'A process that waits for a peer (opening a FIFO, reading from it) waits forever once the peer has gone: look at why the peer ended (its status and stderr above).';
  return verdict;
}

/** What is judged of a test decided early (run/decided.ts), and the note for its first failure. */
export interface DecidedChecks {
  /** The exit checks of the processes that ended by themselves: one of them decided the test. */
  checks: CheckSpec[];
  /** Appended to the first failed check's message: who was stopped and why. */
  note: string;
}

/**
 * When the grader stopped processes (or did not start them) because one process had already
 * ended as an exit check rejects, only the exit checks of the processes that ended by themselves
 * are judged: the others' output was cut short by the grader, not by the program.
 */
export function decidedChecks(test: TestSpec, runs: Record<string, ProgramRun>): DecidedChecks | undefined {
  const stopped = Object.values(runs).filter((run) => run.ending === 'stopped-decided');
  if (stopped.length === 0) return undefined;
  const checks = test.checks.filter((check) => check.check === 'exit' && runs[check.process ?? 'main']?.ending === 'exited');
  const named = (list: ProgramRun[]): string => list.map(processInSentence).join(' and ');
  const started = stopped.filter((run) => !neverStarted(run));
  const notStarted = stopped.filter(neverStarted);
  const parts: string[] = [];
  if (started.length > 0) parts.push(`stopped ${named(started)} rather than wait for ${started.length === 1 ? 'it' : 'them'}`);
  if (notStarted.length > 0) parts.push(`did not start ${named(notStarted)}`);
  return { checks, note: ` The test could not pass after that, so the grader ${parts.join(' and ')}; fix this first.` };
}
