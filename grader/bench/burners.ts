// CPU burners for the reliability script: busy loops that keep every core loaded, each bounded
// in time and ending by itself if the grader that started it is gone.
import { spawn, type ChildProcess } from 'node:child_process';

/** Burners that are running; `stop` kills them (idempotent). */
export interface Burners {
  readonly count: number;
  stop(): void;
}

// Spins in 50 ms slices; stops at its deadline or as soon as its parent has changed (the grader died).
const BURNER = `
const end = Date.now() + Number(process.argv[1]);
const parent = process.ppid;
while (Date.now() < end && process.ppid === parent) {
  const slice = Date.now() + 50;
  while (Date.now() < slice) {}
}`;

/** Starts `count` burners that run at most `maxMs` each. */
export function startBurners(count: number, maxMs: number): Burners {
  const children: ChildProcess[] = [];
  const stop = (): void => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    process.off('exit', stop);
  };
  // Even if the grader exits without reaching its finally, its burners go with it.
  process.on('exit', stop);
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, ['-e', BURNER, String(Math.max(0, Math.round(maxMs)))], { stdio: 'ignore' });
    child.on('error', () => undefined);
    children.push(child);
  }
  return { count, stop };
}
