// `elapsed`: the run's wall time lies within bounds.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { programName } from './streams.js';
import { capitalise } from '../util/text.js';

/** A duration for a message: "850 ms" or "2.35 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(2))} s`;
}

const schema = {
  properties: {
    minMs: { type: 'number', minimum: 0, description: 'The run must take at least this many milliseconds (e.g. it really sleeps).' },
    maxMs: { type: 'number', minimum: 0, description: 'The run must take at most this many milliseconds (e.g. work really runs in parallel).' },
    of: {
      enum: ['main', 'total'],
      default: 'main',
      description: 'main (default): until the main process ended. total: until every process it started had ended too.',
    },
  },
} as const satisfies KindSchema;

/** Configuration of an `elapsed` check: what its schema accepts. */
export type ElapsedConfig = ConfigOf<typeof schema>;

/** Passes when the wall time of the main process (or of all processes) is within bounds. */
export const elapsedCheck: CheckKind<typeof schema> = {
  name: 'elapsed',
  description: 'The wall time of the run is within bounds.',
  schema,
  readsOutput: false,
  // Total time bounded from above: the work ran in parallel; a least time: it really waited.
  promisesGraded: ({ of, minMs, maxMs }) => [
    ...(of === 'total' && maxMs !== undefined ? [{ promise: 'in parallel' as const }] : []),
    ...(minMs !== undefined ? [{ promise: 'timing' as const }] : []),
  ],
  run(config, { run }): CheckOutcome {
    const total = config.of === 'total';
    const ms = total ? run.totalMs : run.elapsedMs;
    const who = total ? `${programName(run)} and the processes it started` : programName(run);
    const Who = capitalise(who);
    if (config.minMs !== undefined && ms < config.minMs) {
      return {
        passed: false,
        message: `${Who} took ${formatDuration(ms)}, but should take at least ${formatDuration(config.minMs)}.`,
        hint: 'It finished too early: check that it really waits (await the sleep, e.g. setTimeout from node:timers/promises) and waits for what it started.',
      };
    }
    if (config.maxMs !== undefined && ms > config.maxMs) {
      return {
        passed: false,
        message: `${Who} took ${formatDuration(ms)}, but should finish within ${formatDuration(config.maxMs)}.`,
        hint: 'It took too long: work meant to run in parallel probably ran one after the other, or it waited longer than needed.',
      };
    }
    return { passed: true, message: `${Who} took ${formatDuration(ms)}, within bounds.` };
  },
};
