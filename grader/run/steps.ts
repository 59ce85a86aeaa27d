// Interactive standard input: send a line, wait until the output shows a line, and so on.
import { matchLine, NO_BINDINGS, parseTemplate, type Bindings, type TemplateEnvironment } from '../checks/template.js';
import { dateIn, timeZoneOf } from '../checks/reserved.js';
import type { StepSpec } from '../spec/types.js';
import { lastLine, shorten } from '../util/text.js';
import { duration, sleep } from '../util/time.js';

/** How long an `expect` step waits when it does not say (ms). */
export const DEFAULT_STEP_TIMEOUT_MS = 5000;
const POLL_MS = 10;
/** How long an `expectExit` step waits when it does not say (ms). */
export const DEFAULT_EXIT_TIMEOUT_MS = 2000;

/** What the steps need of a running program. */
export interface StepTarget {
  write(text: string): Promise<void>;
  closeStdin(): void;
  stdoutSoFar(): string;
  /** True once every process of the run has ended. */
  finished(): boolean;
  mainPid(): number | undefined;
  env: Record<string, string>;
  startedAt: number;
}

/** Why the steps could not be completed (undefined when they were). */
export interface StepFailure {
  /** Index (0-based) of the step that stalled. */
  step: number;
  detail: string;
}

function describeStep(step: StepSpec, index: number): string {
  if ('expect' in step) return `step ${index + 1} (expect ${JSON.stringify(step.expect)})`;
  if ('send' in step) return `step ${index + 1} (send ${JSON.stringify(step.send)})`;
  if ('waitMs' in step) return `step ${index + 1} (wait ${step.waitMs} ms)`;
  if ('expectExit' in step) return `step ${index + 1} (expect the program to end)`;
  return `step ${index + 1} (close)`;
}

function environmentNow(target: StepTarget): TemplateEnvironment {
  const timeZone = timeZoneOf(target.env);
  const now = Date.now();
  const environment: TemplateEnvironment = {
    timeZone,
    localDates: [...new Set([dateIn(target.startedAt, timeZone), dateIn(now, timeZone)])],
    utcDates: [...new Set([dateIn(target.startedAt, 'UTC'), dateIn(now, 'UTC')])],
    startS: target.startedAt / 1000,
    endS: now / 1000,
    toleranceS: 5,
  };
  const pid = target.mainPid();
  if (pid !== undefined) environment.mainPid = pid;
  return environment;
}

/**
 * Play the steps against a running program. An `expect` reads stdout after the line the previous
 * `expect` matched (a trailing line without newline counts, e.g. a prompt). Standard input is
 * closed after the last step. Bindings carry over from one `expect` to the next.
 */
export async function playSteps(target: StepTarget, steps: readonly StepSpec[]): Promise<StepFailure | undefined> {
  let cursor = 0;
  let bindings: Bindings = NO_BINDINGS;
  let lastSent: string | undefined;
  for (const [index, step] of steps.entries()) {
    if ('send' in step) {
      await target.write(step.send);
      lastSent = step.send;
    } else if ('waitMs' in step) {
      await sleep(step.waitMs);
    } else if ('close' in step) {
      target.closeStdin();
    } else if ('expectExit' in step) {
      // Standard input stays open: the program must end by itself (e.g. on a `q` line).
      const timeoutMs = step.expectExit.timeoutMs ?? DEFAULT_EXIT_TIMEOUT_MS;
      const deadline = performance.now() + timeoutMs;
      while (!target.finished()) {
        if (performance.now() >= deadline) {
          const sent = lastSent === undefined ? '' : ` after the last input line ${JSON.stringify(lastSent.replace(/\n$/, ''))}`;
          return { step: index, detail: `${describeStep(step, index)}: it did not end within ${duration(timeoutMs)}${sent} (standard input left open)` };
        }
        await sleep(POLL_MS);
      }
    } else {
      const template = parseTemplate(step.expect);
      const timeoutMs = step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        // In this order: once finished, the text read is final.
        const over = target.finished();
        const text = target.stdoutSoFar();
        let found = false;
        let offset = cursor;
        while (offset < text.length) {
          const newline = text.indexOf('\n', offset);
          const end = newline < 0 ? text.length : newline;
          const line = text.slice(offset, end).replace(/\r$/, '');
          const match = matchLine(template, line, bindings, environmentNow(target), { line: 0, template: index });
          if (match.matched) {
            bindings = match.bindings;
            cursor = newline < 0 ? text.length : newline + 1;
            found = true;
            break;
          }
          if (newline < 0) break;
          offset = newline + 1;
        }
        if (found) break;
        if (over || performance.now() >= deadline) {
          const last = lastLine(text);
          const shown = last === undefined ? undefined : shorten(last, 200);
          const after = last === undefined ? 'nothing was printed' : `the last line printed was ${JSON.stringify(shown)}`;
          const why = over ? 'the program ended before printing it' : `not seen within ${timeoutMs} ms`;
          return { step: index, detail: `${describeStep(step, index)}: ${why}; ${after}` };
        }
        await sleep(POLL_MS);
      }
    }
  }
  target.closeStdin();
  return undefined;
}
