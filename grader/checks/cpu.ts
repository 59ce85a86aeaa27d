// `cpu`: the CPU time the program's processes used (needs `observe`): waiting must not burn it.

import type { CheckKind, CheckOutcome } from './types.js';
import { observedCpuMs } from '../run/observe.js';
import { formatDuration } from './elapsed.js';
import { observedProcesses } from './processes.js';

/** Configuration of a `cpu` check. */
export interface CpuConfig {
  maxMs: number;
}

/** Passes when the processes of the run used at most `maxMs` of CPU time (user + system). */
export const cpuCheck: CheckKind<CpuConfig> = {
  name: 'cpu',
  description: 'The CPU time (user + system, every thread and process of the program; the test needs observe: true) is at most maxMs: no busy waiting.',
  schema: {
    properties: {
      maxMs: { type: 'number', minimum: 0, description: 'Most CPU time allowed, in ms (a node program needs about 50 ms to start).' },
    },
    required: ['maxMs'],
  },
  run(config, { run }): CheckOutcome {
    const cpuMs = observedCpuMs(observedProcesses(run, 'cpu'));
    if (cpuMs > config.maxMs) {
      return {
        passed: false,
        message: `Your program used ${formatDuration(cpuMs)} of CPU time in a run of ${formatDuration(run.totalMs)} wall time (at most ${formatDuration(config.maxMs)} expected): some thread keeps the processor busy while it waits.`,
        hint: 'Wait by sleeping (Atomics.wait, await a promise or an event); a loop that re-reads a value until it changes keeps a core busy.',
      };
    }
    return { passed: true, message: `Your program used ${formatDuration(cpuMs)} of CPU time, within ${formatDuration(config.maxMs)}.` };
  },
};
