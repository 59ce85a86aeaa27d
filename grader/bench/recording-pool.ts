// A TaskPool that records when each task ran, to check afterwards that exclusive tasks ran alone
// and that no more than the limit ran at once.
import { TaskPool } from '../grade/pool.js';

/** When one task ran. */
export interface TaskInterval {
  start: number;
  end: number;
  exclusive: boolean;
}

/** What the recorded intervals show. */
export interface PoolCheck {
  tasks: number;
  exclusiveTasks: number;
  /** Most tasks that ran at the same moment. */
  mostAtOnce: number;
  /** Exclusive tasks during which another task ran. */
  exclusiveOverlaps: number;
}

/** The pool, recording every task's interval. */
export class RecordingPool extends TaskPool {
  readonly intervals: TaskInterval[] = [];

  constructor(readonly places: number) {
    super(places);
  }

  override run<T>(task: () => Promise<T>, exclusive = false): Promise<T> {
    return super.run(async () => {
      const interval: TaskInterval = { start: performance.now(), end: Infinity, exclusive };
      this.intervals.push(interval);
      try {
        return await task();
      } finally {
        interval.end = performance.now();
      }
    }, exclusive);
  }

  /** Checks the intervals recorded so far. */
  check(): PoolCheck {
    const events = this.intervals.flatMap((i) => [
      { at: i.start, delta: 1 },
      { at: i.end, delta: -1 },
    ]);
    // Ends before starts at the same instant: a task that starts as another ends did not overlap it.
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let running = 0;
    let mostAtOnce = 0;
    for (const event of events) mostAtOnce = Math.max(mostAtOnce, (running += event.delta));
    const exclusive = this.intervals.filter((i) => i.exclusive);
    const exclusiveOverlaps = exclusive.filter((x) => this.intervals.some((o) => o !== x && o.start < x.end && x.start < o.end)).length;
    return { tasks: this.intervals.length, exclusiveTasks: exclusive.length, mostAtOnce, exclusiveOverlaps };
  }
}
