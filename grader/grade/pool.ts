/**
 * Runs tasks with at most `limit` at once. An exclusive task waits until nothing else runs and
 * holds the whole machine while it runs (timing-sensitive tests).
 */
export class TaskPool {
  private running = 0;
  private exclusiveRunning = false;
  private readonly waiting: Array<{ exclusive: boolean; start: () => void }> = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a place is free; resolves with its result. */
  run<T>(task: () => Promise<T>, exclusive = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.running++;
        if (exclusive) this.exclusiveRunning = true;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            if (exclusive) this.exclusiveRunning = false;
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
      const free = head.exclusive ? this.running === 0 : this.running < this.limit;
      if (!free) return;
      this.waiting.shift();
      head.start();
    }
  }
}
