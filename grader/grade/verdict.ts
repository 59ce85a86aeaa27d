import type { ProgramRun } from '../run/types.js';
import type { CheckResult } from '../report/types.js';
import { escapeForDisplay } from '../checks/display.js';
import { processCapEvidence } from '../run/classify.js';

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

const FORK_BOMB_HINT = 'A child that starts children of its own in a loop (a fork bomb) ends here; each child should do its work and exit.';

/**
 * "No progress: your program stopped printing after `acquire 1` (nothing more for 2 s), so it
 * was stopped." The runner's own detail ("nothing was printed for 2000 ms after ...") is folded
 * in; anything after it (what a stalled process was waiting for) is kept.
 */
function noProgressMessage(who: string, last: string | undefined, endingDetail: string | undefined): string {
  const idle = /^nothing was printed for (\d+) ms(?: after "(?:[^"\\]|\\.)*"| \(no output at all\))?\.?\s*/.exec(endingDetail ?? '');
  const rest = idle === null ? (endingDetail ?? '') : (endingDetail ?? '').slice(idle[0].length);
  const forHow = idle === null ? 'for a long while' : `for ${seconds(Number(idle[1]))}`;
  const whom = `${who.charAt(0).toLowerCase()}${who.slice(1)}`;
  const what = last === undefined ? `${whom} printed nothing at all ${forHow}` : `${whom} stopped printing after ${escapeForDisplay(last)} (nothing more ${forHow})`;
  return `No progress: ${what}, so it was stopped.${rest === '' ? '' : ` ${rest}`}`;
}

function lastLine(text: string): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1);
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
  const cap = capHit === undefined ? '' : ` On the way it ran into the cap on the number of processes (stderr: ${escapeForDisplay(capHit, { maxChars: 120 })}).`;
  switch (run.ending) {
    case 'exited':
      return { check: 'ending', passed: true, message: '' };
    case 'timeout':
      return {
        check: 'ending',
        passed: false,
        message: `${who} was still running after ${seconds(timeoutMs)} and was stopped.${lastPrinted}${detail}${cap}`,
        hint: capHit !== undefined ? FORK_BOMB_HINT : 'Look for a loop that never ends, a child or thread that is never joined or never exits, or a read from standard input or a pipe that waits for data that never comes.',
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
        message: `${who} did not answer in time.${detail}${lastPrinted}`,
        hint: 'Print each answer as soon as the input line arrives, and read standard input line by line as it comes (for await ... of a readline interface).',
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
        message: `The grader's supervisor (the parent process of ${who.charAt(0).toLowerCase()}${who.slice(1)}) was killed, most likely by the program itself, so how it ended is unknown; the run was stopped.${lastPrinted}`,
        hint: 'Signal only the processes your program started (the pids that spawn returned), never process.ppid, a process group you did not create, or -1.',
      };
    case 'start-failure':
      return {
        check: 'ending',
        passed: false,
        message: `${who} could not be started.${detail}`,
      };
  }
}
