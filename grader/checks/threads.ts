// `threads`: worker threads really ran (needs `observe`): the distinct thread ids seen in the main
// process, less the threads of a node program that starts no Worker, measured once per grader run.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { plural } from './display.js';
import { graderDoubt, starvedObserver } from './doubt.js';
import { observedProcesses } from './processes.js';

const schema = {
  properties: {
    workers: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
      additionalProperties: false,
      description: 'How many worker threads must have run (threads that ended before others started count too).',
    },
  },
  required: ['workers'],
} as const satisfies KindSchema;

/** Configuration of a `threads` check: what its schema accepts. */
export type ThreadsConfig = ConfigOf<typeof schema>;

/** Passes when the main process ran at least `workers.min` threads beyond a bare node's. */
export const threadsCheck: CheckKind<typeof schema> = {
  name: 'threads',
  description:
    "Worker threads really ran (the test needs observe: true): the distinct threads seen in the main process over the run, less those of a node program that starts no Worker (measured once per grader run under the same UV_THREADPOOL_SIZE; set it to 1 in observed tests so that libuv's pool cannot pass for workers).",
  schema,
  needs: { observation: true, threadBaseline: true },
  promisesGraded: () => [{ promise: 'worker threads' }],
  run(config, { run, threadBaselines }): CheckOutcome {
    const processes = observedProcesses(run, 'threads');
    const main = run.mainPid === undefined ? processes[0] : processes.find((p) => p.pid === run.mainPid);
    if (main === undefined) return graderDoubt("the grader's observer saw no sample of your program's main process while it ran, so it could not count its threads");
    const seen = main.threadIds ?? main.maxThreads;
    // Every node program that runs has several threads: one means it was seen only before node ran.
    if (seen <= 1) return graderDoubt("the grader's observer saw your program's main process only as it was starting, before node ran, so it could not count its threads");
    const bare = threadBaselines?.[run.env.UV_THREADPOOL_SIZE ?? ''];
    if (bare === undefined) return graderDoubt('the grader had not measured the threads of a node program that starts no Worker, so it could not tell workers apart');
    const workers = Math.max(0, seen - bare);
    const { min, max } = config.workers;
    if (min !== undefined && workers < min) {
      const starved = starvedObserver(run);
      if (starved !== undefined) return graderDoubt(starved);
      const none = workers === 0 ? `as many as an empty node program has` : `${plural(workers, 'thread')} more than an empty node program (${bare})`;
      return {
        passed: false,
        message: `Your program ran ${workers === 0 ? 'with no worker threads' : `only ${plural(workers, 'worker thread')}`} (at least ${min} expected): ${plural(seen, 'thread')} were seen in its process, ${none}.`,
        hint: 'Run the work in Worker threads (new Worker(new URL(import.meta.url), { workerData })) and wait for them; the main thread alone does not count.',
      };
    }
    if (max !== undefined && workers > max) {
      return { passed: false, message: `Your program ran ${plural(workers, 'worker thread')}; at most ${max} were expected.` };
    }
    return { passed: true, message: `Your program ran ${plural(workers, 'worker thread')}.` };
  },
};
