// `cpu`: waiting must not burn the processor (needs `observe`). Two measures: the CPU time the
// program's processes used, and its threads' busy time (running, or ready to run and waiting for
// a processor), which a loaded machine does not shrink: a spinning thread is busy all along.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { observedCpuMs, observedRunnableMs } from '../run/observe.js';
import { formatDuration } from './elapsed.js';
import { observedProcesses } from './processes.js';
import { CheckConfigError } from './streams.js';

const HINT = 'Wait by sleeping (Atomics.wait, await a promise or an event); a loop that re-reads a value until it changes keeps a core busy.';

const schema = {
  properties: {
    maxMs: {
      type: 'number',
      minimum: 0,
      description: 'Most CPU time (user + system, every thread and process), in ms. It shrinks when the machine is loaded: prefer maxBusyMs.',
    },
    maxBusyMs: {
      type: 'number',
      minimum: 0,
      description:
        "Most busy thread time, summed over the program's threads, in ms: a thread that spins for 3 s adds 3000 whatever the load; start-up adds a little (more on a loaded machine).",
    },
  },
} as const satisfies KindSchema;

/** Configuration of a `cpu` check: what its schema accepts. */
export type CpuConfig = ConfigOf<typeof schema>;

/** Passes when the run's CPU time and its threads' busy time are within bounds. */
export const cpuCheck: CheckKind<typeof schema> = {
  name: 'cpu',
  description:
    "No busy waiting (the test needs observe: true): the CPU time of the program's processes (maxMs) and its threads' busy time (maxBusyMs: running or ready to run, as the kernel accounts it (schedstat), read every 10 ms; other load on the machine does not shrink it) are within bounds.",
  schema,
  needs: { observation: true },
  promisesGraded: () => [{ promise: 'no busy waiting' }],
  run(config, { run }): CheckOutcome {
    if (config.maxMs === undefined && config.maxBusyMs === undefined) throw new CheckConfigError('a cpu check needs maxMs or maxBusyMs');
    const processes = observedProcesses(run, 'cpu');
    const cpuMs = observedCpuMs(processes);
    const busyMs = observedRunnableMs(processes);
    const wall = formatDuration(run.totalMs);
    if (config.maxBusyMs !== undefined && busyMs > config.maxBusyMs) {
      return {
        passed: false,
        message: `Your program's threads were busy (running, or ready to run) for ${formatDuration(busyMs)} in all during a run of ${wall} (at most ${formatDuration(config.maxBusyMs)} expected; its CPU time was ${formatDuration(cpuMs)}): some thread keeps the processor busy while it waits.`,
        hint: HINT,
      };
    }
    if (config.maxMs !== undefined && cpuMs > config.maxMs) {
      return {
        passed: false,
        message: `Your program used ${formatDuration(cpuMs)} of CPU time in a run of ${wall} wall time (at most ${formatDuration(config.maxMs)} expected): some thread keeps the processor busy while it waits.`,
        hint: HINT,
      };
    }
    return { passed: true, message: `Your program used ${formatDuration(cpuMs)} of CPU time (threads busy ${formatDuration(busyMs)} in all), within bounds.` };
  },
};
