// Progress of a batch on standard error: a bar redrawn in place on a terminal, else one plain
// line per student (logs of CI jobs are not terminals).
import type { StudentScores } from './scores.js';
import { clock } from '../util/time.js';

/** Where progress goes: a stream's write and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Told when the batch starts, when each student is done, and at the end. */
export interface BatchProgress {
  start(students: number): void;
  studentDone(scores: StudentScores, durationMs: number): void;
  end(): void;
}

const BAR_WIDTH = 24;

/** What happened to a student's exercises, e.g. "3 passed, 1 failed, 2 missing". */
export function statusCounts(scores: StudentScores): string {
  const counts = new Map<string, number>();
  for (const e of scores.exercises) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  return ['passed', 'failed', 'error', 'missing']
    .filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${status}`)
    .join(', ');
}

/** The progress display for `stream` (a bar when it is a terminal). */
export function batchProgress(stream: ProgressStream, now: () => number = () => performance.now()): BatchProgress {
  let total = 0;
  let done = 0;
  let started = now();
  const bar = (): string => {
    const elapsed = now() - started;
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const left = done === 0 ? '' : `, about ${clock((elapsed / done) * (total - done))} left`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} students, ${clock(elapsed)}${left}`;
    // A pseudo-terminal may report 0 columns: then assume 80.
    const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
    return line.slice(0, Math.max(20, columns - 1));
  };
  return {
    start(students) {
      total = students;
      started = now();
      if (stream.isTTY) stream.write(`\r\x1b[2K${bar()}`);
      else stream.write(`Grading ${students} student${students === 1 ? '' : 's'}\n`);
    },
    studentDone(scores, durationMs) {
      done++;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${bar()}`);
        return;
      }
      const name = JSON.stringify(scores.student).slice(1, -1);
      stream.write(
        `[${done}/${total}] ${name}: ${scores.points}/${scores.maxPoints} points (${statusCounts(scores)}) in ${(durationMs / 1000).toFixed(1)} s\n`,
      );
    },
    end() {
      const line = `Graded ${done} student${done === 1 ? '' : 's'} in ${clock(now() - started)}\n`;
      stream.write(stream.isTTY ? `\r\x1b[2K${line}` : line);
    },
  };
}
