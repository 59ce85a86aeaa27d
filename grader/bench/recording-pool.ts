// A TaskPool that records when each task was queued and ran, to check afterwards that exclusive
// tasks ran as their claim says, that no more than the limit ran at once, and how long places
// stayed free while tasks waited (a core left idle by the scheduling).
import { TaskPool, type Exclusivity } from '../grade/pool.js';

/** When one task was queued and ran. */
export interface TaskInterval {
  /** When it was handed to the pool (default: its start). */
  queued?: number;
  start: number;
  end: number;
  exclusive: Exclusivity;
}

/** What the recorded intervals show. */
export interface PoolCheck {
  tasks: number;
  /** Tasks that held the whole machine or one core (exclusive: true or 'one-core'). */
  exclusiveTasks: number;
  /** Most tasks that ran at the same moment. */
  mostAtOnce: number;
  /** Whole-machine tasks during which another task ran, and one-core tasks beside a whole-machine one. */
  exclusiveOverlaps: number;
  /** Place-milliseconds left free while some task waited in the queue (cores idle by scheduling). */
  idlePlaceMs: number;
}

/** The pool, recording every task's interval. */
export class RecordingPool extends TaskPool {
  readonly intervals: TaskInterval[] = [];

  constructor(readonly places: number) {
    super(places);
  }

  override run<T>(task: () => Promise<T>, exclusive: Exclusivity = false): Promise<T> {
    const queued = performance.now();
    return super.run(async () => {
      const interval: TaskInterval = { queued, start: performance.now(), end: Infinity, exclusive };
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
      { at: i.queued ?? i.start, running: 0, waiting: 1 },
      { at: i.start, running: 1, waiting: -1 },
      { at: i.end, running: -1, waiting: 0 },
    ]);
    // Ends before starts at the same instant: a task that starts as another ends did not overlap it.
    events.sort((a, b) => a.at - b.at || a.running - b.running);
    let running = 0;
    let waiting = 0;
    let mostAtOnce = 0;
    let idlePlaceMs = 0;
    let last = events[0]?.at ?? 0;
    for (const event of events) {
      if (waiting > 0) idlePlaceMs += Math.max(0, this.places - running) * (event.at - last);
      last = event.at;
      running += event.running;
      waiting += event.waiting;
      mostAtOnce = Math.max(mostAtOnce, running);
    }
    const overlaps = (x: TaskInterval, others: (o: TaskInterval) => boolean): boolean =>
      this.intervals.some((o) => o !== x && others(o) && o.start < x.end && x.start < o.end);
    const exclusiveOverlaps =
      this.intervals.filter((i) => i.exclusive === true && overlaps(i, () => true)).length +
      this.intervals.filter((i) => i.exclusive === 'one-core' && overlaps(i, (o) => o.exclusive === true)).length;
    const exclusiveTasks = this.intervals.filter((i) => i.exclusive !== false).length;
    return { tasks: this.intervals.length, exclusiveTasks, mostAtOnce, exclusiveOverlaps, idlePlaceMs: Math.round(idlePlaceMs) };
  }
}
