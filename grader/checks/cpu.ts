// `cpu`: waiting must not burn the processor (needs `observe`). Two measures: the CPU time the
// program's processes used, and its threads' busy time (running, or ready to run and waiting for
// a processor), which a loaded machine does not shrink: a spinning thread is busy all along.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { observedCpuMs, observedRunnableMs } from '../run/observe.js';
import { graderDoubt } from './doubt.js';
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
        "Most busy thread time, summed over the program's threads, in ms: a thread that spins for 3 s adds 3000 whatever the load; start-up adds a little (more on a loaded machine). Over the bound with a CPU time under a fifth of it (the rest, over four fifths, was waiting for a processor) is the machine's starvation: the grader's doubt (re-run, then its error), not a failure.",
    },
  },
} as const satisfies KindSchema;

/**
 * Busy time over the bound is spinning only when the program also ran: a spinning thread that
 * waits for a processor still runs whenever it gets one. A program whose CPU time is under a fifth
 * of the bound, and so spent over four fifths of its busy time waiting for a processor, was starved
 * by the machine: each wake-up of a sleeping thread waited in the run queue. Measured: the
 * reference of sync-semaphore busy 10.6 s with 0.7 s of CPU (a reliability run, two burners, the
 * host slow), 6.2 s with 0.29 s at a load average of 87; its spinning variant 19 s busy with 7 s of
 * CPU at a load average of 84, 17-19 s with 12-14 s unloaded, 19 s with 6.4-8.4 s beside two
 * burners; sync-event's spinning variant 27 s busy with 3.7-4.3 s of CPU beside two burners (four
 * spinning threads share the program's part of the machine), its reference 2.2 s with 0.26 s
 * (2026-12-07). The references' CPU time stays under a tenth of their bounds; the spinners' above
 * half of them until the machine starves them too, and then the grader cannot tell.
 */
const STARVED_CPU_SHARE_OF_BOUND = 0.2;

/** Why busy time over `maxBusyMs` may be the machine's starvation rather than spinning, or undefined. */
export function starvedNotSpinning(busyMs: number, cpuMs: number, maxBusyMs: number): string | undefined {
  if (cpuMs >= STARVED_CPU_SHARE_OF_BOUND * maxBusyMs) return undefined;
  return `your program's threads were ready to run for ${formatDuration(busyMs - cpuMs)} without getting a processor (the machine was too busy) and ran only ${formatDuration(cpuMs)}, so their busy time (${formatDuration(busyMs)}) cannot tell sleeping from spinning`;
}

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
    // Busy time over the bound on a starved machine is the grader's doubt, but only after a CPU time
    // over maxMs, measured without doubt, has had its say.
    const { maxBusyMs } = config;
    const overBusy = maxBusyMs !== undefined && busyMs > maxBusyMs;
    const starved = overBusy ? starvedNotSpinning(busyMs, cpuMs, maxBusyMs) : undefined;
    if (overBusy && starved === undefined) {
      return {
        passed: false,
        message: `Your program's threads were busy (running, or ready to run) for ${formatDuration(busyMs)} in all during a run of ${wall} (at most ${formatDuration(maxBusyMs)} expected; its CPU time was ${formatDuration(cpuMs)}): some thread keeps the processor busy while it waits.`,
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
    if (starved !== undefined) return graderDoubt(starved);
    return { passed: true, message: `Your program used ${formatDuration(cpuMs)} of CPU time (threads busy ${formatDuration(busyMs)} in all), within bounds.` };
  },
};
