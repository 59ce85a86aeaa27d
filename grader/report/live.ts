// The live lines of a grading on a terminal: which tests run now and for how long, redrawn in
// place (log-update) under the results printed so far. A reporter like the others: it reads the
// run's events and never touches the grading. Off a terminal (a pipe, a file, a CI log) it is not
// used at all, so logs stay plain.
import { Chalk } from 'chalk';
import { createLogUpdate } from 'log-update';
import type { Reporter } from './types.js';
import { terminalSafe } from './terminal-safe.js';

/** A test that has started and not yet ended. */
export interface RunningTest {
  slug: string;
  name: string;
  startedMs: number;
}

export interface LiveState {
  running: RunningTest[];
  exercisesDone: number;
  exercisesTotal: number;
}

/**
 * The text of the live lines at `nowMs`: a head line with how many exercises are done, then one
 * line per running test (oldest first) with the seconds it has run, each cut to `columns`.
 */
export function liveLines(state: LiveState, nowMs: number, columns: number): string {
  const width = Math.max(20, columns - 1);
  const cut = (line: string): string => (line.length > width ? `${line.slice(0, width - 1)}…` : line);
  const head = `Grading: ${state.exercisesDone} of ${state.exercisesTotal} exercises done, ${state.running.length} test${state.running.length === 1 ? '' : 's'} running`;
  const tests = [...state.running]
    .sort((a, b) => a.startedMs - b.startedMs)
    .map((test) => {
      const seconds = `${(Math.max(0, nowMs - test.startedMs) / 1000).toFixed(1)} s`;
      return cut(`  ${seconds.padStart(7)}  ${terminalSafe(`${test.slug}: ${test.name}`)}`);
    });
  return [cut(head), ...tests].join('\n');
}

/** Whether the live lines belong on `stream`: a terminal, outside CI, not a dumb one. */
export function liveApplies(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
  return stream.isTTY === true && !ci && env.TERM !== 'dumb';
}

export interface LiveProgress {
  /** Feeds the live lines from the run's events (list it before the reporters that write). */
  reporter: Reporter;
  /** Prints lasting text (a finished exercise) above the live lines, which are then redrawn. */
  write: (text: string) => void;
}

export interface LiveOptions {
  /** Time between redraws (default 200 ms). */
  intervalMs?: number;
  now?: () => number;
}

/** Live lines on a terminal stream, with the writer that prints lasting text above them. */
export function liveProgress(stream: NodeJS.WriteStream, options: LiveOptions = {}): LiveProgress {
  const now = options.now ?? Date.now;
  // The cursor stays visible: nothing to restore if the grader is stopped mid-line.
  const update = createLogUpdate(stream, { showCursor: true });
  const dim = new Chalk().dim;
  const running = new Map<string, RunningTest>();
  const state = { exercisesDone: 0, exercisesTotal: 0 };
  let timer: NodeJS.Timeout | undefined;
  const key = (slug: string, name: string): string => `${slug}\u0000${name}`;
  const draw = (): void => {
    if (timer === undefined) return;
    update(dim(liveLines({ ...state, running: [...running.values()] }, now(), stream.columns || 80)));
  };
  const stop = (): void => {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    update.clear();
  };
  return {
    write: (text) => {
      if (timer === undefined) {
        stream.write(text);
        return;
      }
      update.clear();
      stream.write(text);
      draw();
    },
    reporter: {
      onStart({ slugs }) {
        state.exercisesTotal = slugs.length;
        // Unref'd: the redraws never keep the grader alive.
        timer = setInterval(draw, options.intervalMs ?? 200).unref();
        draw();
      },
      onTestStart(slug, name) {
        running.set(key(slug, name), { slug, name, startedMs: now() });
        draw();
      },
      onTestResult(slug, result) {
        running.delete(key(slug, result.name));
        draw();
      },
      onExerciseEnd() {
        state.exercisesDone++;
        draw();
      },
      onEnd() {
        stop();
      },
    },
  };
}
