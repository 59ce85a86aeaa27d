import type { ProgramRun } from '../run/types.js';
import type { CheckResult } from '../report/types.js';
import { escapeForDisplay } from '../checks/display.js';

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
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
  switch (run.ending) {
    case 'exited':
      return { check: 'ending', passed: true, message: '' };
    case 'timeout':
      return {
        check: 'ending',
        passed: false,
        message: `${who} was still running after ${seconds(timeoutMs)} and was stopped.${lastPrinted}${detail}`,
        hint: 'Look for a loop that never ends, a child or thread that is never joined or never exits, or a read from standard input or a pipe that waits for data that never comes.',
      };
    case 'no-progress':
      return {
        check: 'ending',
        passed: false,
        message: `${who} stopped making progress: it printed nothing more for a long while${last === undefined ? '' : ` after ${escapeForDisplay(last)}`}, and was stopped.${detail}`,
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
        hint: 'A child that starts children of its own in a loop (a fork bomb) ends here; each child should do its work and exit.',
      };
    case 'start-failure':
      return {
        check: 'ending',
        passed: false,
        message: `${who} could not be started.${detail}`,
      };
  }
}
