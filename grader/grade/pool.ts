/**
 * How a task holds the machine: `false`, one place beside others; `true`, the whole machine
 * (it waits until nothing else runs and runs alone: timing that needs every core quiet, or a
 * race that needs every core); `'one-core'`, timing-sensitive but needing one core only (a
 * program that mostly sleeps or waits): it takes one place, never beside a whole-machine task,
 * and may share the other cores with any task, so no core stays idle while it runs.
 */
export type Exclusivity = boolean | 'one-core';

/** Runs tasks with at most `limit` at once, first come first served (see Exclusivity). */
export class TaskPool {
  private running = 0;
  private exclusiveRunning = false;
  private readonly waiting: Array<{ exclusive: Exclusivity; start: () => void }> = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a place is free; resolves with its result. */
  run<T>(task: () => Promise<T>, exclusive: Exclusivity = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const wholeMachine = exclusive === true;
      const start = (): void => {
        this.running++;
        if (wholeMachine) this.exclusiveRunning = true;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            if (wholeMachine) this.exclusiveRunning = false;
            this.next();
          });
      };
      this.waiting.push({ exclusive, start });
      this.next();
    });
  }

  private next(): void {
    while (this.waiting.length > 0 && !this.exclusiveRunning) {
      const head = this.waiting[0]!;
      const free = head.exclusive === true ? this.running === 0 : this.running < this.limit;
      if (!free) return;
      this.waiting.shift();
      head.start();
    }
  }
}
