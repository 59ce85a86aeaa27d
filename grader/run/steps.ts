// Interactive standard input: send a line, wait until the output shows a line, and so on.
import { matchLine, NO_BINDINGS, parseTemplate, type Bindings, type LineTemplate, type TemplateEnvironment } from '../checks/template.js';
import { dateIn, timeZoneOf } from '../checks/reserved.js';
import type { StepSignal } from '../spec/signals.js';
import type { StepSpec } from '../spec/types.js';
import { duration, sleep } from '../util/time.js';
import { signalStep, type SendSignal, type SignalOutcome } from './signal.js';

/** How long an `expect` step waits when it does not say (ms). */
export const DEFAULT_STEP_TIMEOUT_MS = 5000;
const POLL_MS = 10;
/** How long an `expectExit` step waits when it does not say (ms). */
export const DEFAULT_EXIT_TIMEOUT_MS = 2000;
/** A wait of the grader's that overran by more than this (ms) was a stall: meanwhile it neither looked nor acted. */
export const STALL_MS = 20;
/**
 * When the grader's stalls while it played the steps add up to this (ms), a failure of the steps
 * may be its own lateness, not the program's: a signal or an input line sent late (a program whose
 * own timer ran out meanwhile), an end or a line seen late (the deadline passed while the grader
 * was not looking). Unloaded, its waits overrun by a millisecond or two; measured under two CPU
 * burners in the grader's session at load 17-23: seconds (the signals exercise's programs gave up
 * waiting after their 10 s before the grader's third SIGUSR1).
 */
export const LATE_STEPS_MS = 100;

/** What the steps need of a running program. */
export interface StepTarget {
  write(text: string): Promise<void>;
  closeStdin(): void;
  stdoutSoFar(): string;
  /** True once every process of the run has ended. */
  finished(): boolean;
  mainPid(): number | undefined;
  /** Send a signal to the main process, or to the run's process whose own pid is `ownPid`. */
  signal: SendSignal;
  env: Record<string, string>;
  startedAt: number;
}

/** Why the steps could not be completed (undefined when they were). */
export interface StepFailure {
  /** Index (0-based) of the step that stalled. */
  step: number;
  detail: string;
  /** The likely cause, for the student: the step's own `hint`, else the grader's advice for this kind of failure. */
  hint?: string;
  /**
   * How long the grader stalled (waits that overran by over STALL_MS) in a way that could have
   * caused this failure, in ms: in all while it played the steps; but when the program had ended
   * by itself, only before the failing step began (plus the waits of a failing signal step): a
   * program's output is final once it has ended, so a late look at it changes nothing, while an
   * input line or a signal sent late may have let its own timer run out.
   */
  graderLateMs: number;
}

/** The grader's waits while it plays the steps, and how much they overran (its own lateness). */
class StepClock {
  lateMs = 0;

  async pause(ms: number): Promise<void> {
    const before = performance.now();
    await sleep(ms);
    const overran = performance.now() - before - ms;
    if (overran > STALL_MS) this.lateMs += overran;
  }
}

function describeStep(step: StepSpec, index: number): string {
  if ('expect' in step) return `step ${index + 1} (expect ${JSON.stringify(step.expect)})`;
  if ('expectAll' in step) return `step ${index + 1} (expect, in any order, ${step.expectAll.map((line) => JSON.stringify(line)).join(', ')})`;
  if ('send' in step) return `step ${index + 1} (send ${JSON.stringify(step.send)})`;
  if ('waitMs' in step) return `step ${index + 1} (wait ${step.waitMs} ms)`;
  if ('expectExit' in step) return `step ${index + 1} (expect the program to end)`;
  if ('signal' in step) return `step ${index + 1} (send ${step.signal}${step.to === undefined ? '' : ` to ${step.to}`})`;
  return `step ${index + 1} (close)`;
}

/** Advice when an expected line did not come right after the test wrote to standard input. */
export const ANSWER_INPUT_HINT =
  'Print each answer as soon as the input line arrives, and read standard input line by line as it comes (for await ... of a readline interface).';
/** Advice when an expected line did not come, with no input written just before. */
export const EXPECTED_LINE_HINT =
  'Compare the expected line with what your program printed: each line must match exactly (spelling, spaces, numbers) and end with a newline.';
/** Advice when the program ended before printing an expected line. */
export const ENDED_EARLY_HINT =
  'Your program ended before it printed this line: look at its standard error for an exception, and at any exit before the work is done.';
/** Advice when the program did not end by itself while its standard input stayed open. */
export const END_ON_QUIT_HINT =
  'Stop reading when the input says so (e.g. a q line): close the readline interface and let go of standard input (process.stdin.destroy()), so that nothing keeps the program alive.';
/** Advice when the program did not end by itself, no input having been written. */
export const END_BY_ITSELF_HINT =
  'End the program when its work is done: nothing may keep it alive (a timer, a listener that holds the event loop, a child that never ends).';

/** Advice when a signal could not be sent (the program, or the process it named, had ended). */
export const SIGNAL_HINT =
  'The grader sends a signal only once your program has printed the line that shows it is ready for it: keep running until the signal that ends the program comes (wait with a timer, not a loop), and print real pids.';

/** Advice when the program did not end after the test sent it a signal (that it handles). */
export function endOnSignalHint(signal: string): string {
  return `After handling ${signal}, end the program: clear its timers and intervals, remove what keeps it waiting (e.g. let go of standard input), or set process.exitCode and return.`;
}

/** Advice when the program ended, before an expected line, after the test had sent it a signal. */
export function endedAfterSignalHint(signal: string, step: number): string {
  return `Your program ended after the test sent it ${signal} (step ${step}), before it printed this line: handle ${signal} as the statement asks (process.on('${signal}', ...)); without a handler SIGINT, SIGTERM and SIGHUP end a Node program. If it has one, look at its standard error for an exception.`;
}

/** What the test last did to the program before a step: wrote to its standard input, or signalled it. */
type LastAction = { kind: 'send'; text: string } | { kind: 'signal'; signal: string; step: number };

/** The grader's own advice for a failed step (when the spec gives no hint). */
function automaticHint(step: StepSpec, ended: boolean, wroteJustBefore: boolean, last: LastAction | undefined): string {
  if ('signal' in step) return SIGNAL_HINT;
  if ('expectExit' in step) return last === undefined ? END_BY_ITSELF_HINT : last.kind === 'send' ? END_ON_QUIT_HINT : endOnSignalHint(last.signal);
  if (ended) return last?.kind === 'signal' ? endedAfterSignalHint(last.signal, last.step) : ENDED_EARLY_HINT;
  return wroteJustBefore ? ANSWER_INPUT_HINT : EXPECTED_LINE_HINT;
}

/** A complete or trailing line of output, and where the text after it starts. */
interface OutputLine {
  text: string;
  next: number;
  /** Ended by a newline (a trailing line without one may still grow). */
  complete: boolean;
}

/** The lines of `text` from `cursor` on (a trailing line without newline counts, e.g. a prompt). */
function linesFrom(text: string, cursor: number): OutputLine[] {
  const lines: OutputLine[] = [];
  let offset = cursor;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    lines.push({ text: text.slice(offset, end).replace(/\r$/, ''), next: newline < 0 ? text.length : newline + 1, complete: newline >= 0 });
    if (newline < 0) break;
    offset = newline + 1;
  }
  return lines;
}

/** Where the text after the matched lines starts, and the bindings they made. */
interface StepMatch {
  cursor: number;
  bindings: Bindings;
}

/** At most this many line matches per look at the output when pairing an expectAll's lines (a guard against a flood of look-alike lines). */
const MAX_PAIRING_MATCHES = 100_000;

/**
 * Each template matched to a line of its own among `lines`, in any order, the bindings agreeing
 * across them (a search with backtracking: a later template may need a line an earlier one took).
 * Only lines that match a template under the bindings from before the step are tried for it (more
 * bindings only narrow a match). Undefined when no such assignment exists yet (or, for a flood of
 * look-alike lines, none was found within MAX_PAIRING_MATCHES matches: the next look tries again).
 */
function matchAll(
  templates: readonly LineTemplate[],
  lines: readonly OutputLine[],
  bindings: Bindings,
  environment: TemplateEnvironment,
  stepIndex: number,
): StepMatch | undefined {
  const position = { line: 0, template: stepIndex };
  const candidates: number[][] = [];
  for (const template of templates) {
    const fits = [...lines.keys()].filter((lineIndex) => matchLine(template, lines[lineIndex]!.text, bindings, environment, position).matched);
    if (fits.length === 0) return undefined;
    candidates.push(fits);
  }
  const used = new Set<number>();
  let budget = MAX_PAIRING_MATCHES;
  const search = (which: number, bound: Bindings): Bindings | undefined => {
    if (which === templates.length) return bound;
    for (const lineIndex of candidates[which]!) {
      if (used.has(lineIndex) || budget-- <= 0) continue;
      const match = matchLine(templates[which]!, lines[lineIndex]!.text, bound, environment, position);
      if (!match.matched) continue;
      used.add(lineIndex);
      const found = search(which + 1, match.bindings);
      if (found !== undefined) return found;
      used.delete(lineIndex);
    }
    return undefined;
  };
  const found = search(0, bindings);
  if (found === undefined) return undefined;
  const last = Math.max(...[...used].map((lineIndex) => lines[lineIndex]!.next));
  return { cursor: last, bindings: found };
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

/** The program's output can arrive before the supervisor's message that names its pid: waits for that (or the end, or a step's time). */
async function awaitMainPid(target: StepTarget, clock: StepClock): Promise<void> {
  const deadline = performance.now() + DEFAULT_STEP_TIMEOUT_MS;
  while (target.mainPid() === undefined && !target.finished() && performance.now() < deadline) await clock.pause(POLL_MS);
}

/** Sends a `signal` step's signal, once the main process's pid is known. */
async function sendSignal(target: StepTarget, step: { signal: StepSignal; to?: string }, bindings: Bindings, clock: StepClock): Promise<SignalOutcome> {
  await awaitMainPid(target, clock);
  let outcome = signalStep(target.signal, step, bindings);
  // The main process gone from the tree before the supervisor's report of its status was read
  // (a loaded machine): wait for the report, so that the failure says how the program ended.
  const deadline = performance.now() + DEFAULT_STEP_TIMEOUT_MS;
  while (!outcome.sent && step.to === undefined && !target.finished() && performance.now() < deadline) {
    await clock.pause(POLL_MS);
    outcome = signalStep(target.signal, step, bindings);
  }
  return outcome;
}

/** Waits until the program has ended by itself; when it has not within `timeoutMs`, why not (a failure's detail). */
async function awaitOwnEnd(target: StepTarget, timeoutMs: number, last: LastAction | undefined, clock: StepClock): Promise<string | undefined> {
  const deadline = performance.now() + timeoutMs;
  while (!target.finished()) {
    if (performance.now() >= deadline) {
      const sent =
        last === undefined
          ? ''
          : last.kind === 'send'
            ? ` after the last input line ${JSON.stringify(last.text.replace(/\n$/, ''))} (standard input left open)`
            : ` after the test sent it ${last.signal} (step ${last.step})`;
      return `it did not end within ${duration(timeoutMs)}${sent}`;
    }
    await clock.pause(POLL_MS);
  }
  return undefined;
}

/**
 * Play the steps against a running program. An `expect` reads stdout after the lines the previous
 * `expect` matched (a trailing line without newline counts, e.g. a prompt); an `expectAll` wants
 * each of its templates on a line of its own there, in any order. Standard input is closed after
 * the last step. Bindings carry over from one expect to the next. An expect fails as soon as the
 * program has ended without printing its line(s), or at its timeout.
 */
export async function playSteps(target: StepTarget, steps: readonly StepSpec[]): Promise<StepFailure | undefined> {
  let cursor = 0;
  let bindings: Bindings = NO_BINDINGS;
  let last: LastAction | undefined;
  /** Did the step just before write to standard input (so that an answer to it is awaited)? */
  let wroteJustBefore = false;
  const clock = new StepClock();
  /** The grader's lateness before the current step began. */
  let lateBeforeStep = 0;
  const fail = (index: number, step: StepSpec, detail: string, ended: boolean): StepFailure => ({
    step: index,
    detail,
    hint: step.hint ?? automaticHint(step, ended, wroteJustBefore, last),
    graderLateMs: Math.round(ended && !('signal' in step) ? lateBeforeStep : clock.lateMs),
  });
  for (const [index, step] of steps.entries()) {
    lateBeforeStep = clock.lateMs;
    if ('send' in step) {
      await target.write(step.send);
      last = { kind: 'send', text: step.send };
      wroteJustBefore = true;
      continue;
    }
    if ('waitMs' in step) {
      await clock.pause(step.waitMs);
      continue;
    }
    if ('close' in step) {
      target.closeStdin();
    } else if ('signal' in step) {
      const outcome = await sendSignal(target, step, bindings, clock);
      if (!outcome.sent) return fail(index, step, `${describeStep(step, index)}: ${outcome.reason}`, target.finished());
      last = { kind: 'signal', signal: step.signal, step: index + 1 };
    } else if ('expectExit' in step) {
      // Standard input stays open: the program must end by itself (e.g. on a `q` line).
      const notEnded = await awaitOwnEnd(target, step.expectExit.timeoutMs ?? DEFAULT_EXIT_TIMEOUT_MS, last, clock);
      if (notEnded !== undefined) return fail(index, step, `${describeStep(step, index)}: ${notEnded}`, false);
    } else {
      const templates = ('expect' in step ? [step.expect] : step.expectAll).map((line) => parseTemplate(line));
      const timeoutMs = step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        // In this order: once finished, the text read is final.
        const over = target.finished();
        const environment = environmentNow(target);
        const all = linesFrom(target.stdoutSoFar(), cursor);
        // `next: true`: the very next line(s) must be these; any other line is a certain failure.
        const lines = step.next === true ? all.slice(0, templates.length) : all;
        const found = matchAll(templates, lines, bindings, environment, index);
        if (found !== undefined) {
          ({ cursor, bindings } = found);
          break;
        }
        const wrong =
          step.next === true
            ? lines.find(
                (line) => line.complete && !templates.some((t) => matchLine(t, line.text, bindings, environment, { line: 0, template: index }).matched),
              )
            : undefined;
        if (wrong !== undefined) {
          const which = templates.length === 1 ? 'the next line' : 'one of the next lines';
          return fail(index, step, `${describeStep(step, index)}: ${which} was ${JSON.stringify(wrong.text)}`, over);
        }
        if (over || performance.now() >= deadline) {
          const why = over ? 'the program ended before printing it' : `not seen within ${duration(timeoutMs)}`;
          return fail(index, step, `${describeStep(step, index)}: ${why}`, over);
        }
        await clock.pause(POLL_MS);
      }
    }
    wroteJustBefore = false;
  }
  target.closeStdin();
  return undefined;
}
