// `threads`: threads of the program's own really ran (needs `observe`): the distinct thread ids
// seen in the main process, less the threads of a program of its language that starts none (node's
// own threads and libuv's pool; one for python3), measured once per grader run. Threads are OS
// threads in both languages (a worker_threads Worker, a threading.Thread): the same count.

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
    "The program's own threads really ran (the test needs observe: true): the distinct OS threads seen in the main process over the run, less those of a program of its language that starts none (node: measured once per grader run under the same UV_THREADPOOL_SIZE, so set it to 1 in observed tests so that libuv's pool cannot pass for workers; python3: one).",
  schema,
  needs: { observation: true, threadBaseline: true },
  promisesGraded: () => [{ promise: 'worker threads' }],
  run(config, { run, threadBaselines, language }): CheckOutcome {
    const processes = observedProcesses(run, 'threads');
    const main = run.mainPid === undefined ? processes[0] : processes.find((p) => p.pid === run.mainPid);
    if (main === undefined)
      return graderDoubt("the grader's observer saw no sample of your program's main process while it ran, so it could not count its threads");
    const seen = main.threadIds ?? main.maxThreads;
    const bare = threadBaselines?.[run.name];
    const barely = language?.threadBaseline.description ?? 'a program of your language that starts no thread';
    // A program seen with fewer threads than its runtime starts with was seen only before the runtime ran.
    if (seen <= 1 && (bare === undefined || bare > 1))
      return graderDoubt(
        "the grader's observer saw your program's main process only as it was starting, before its runtime ran, so it could not count its threads",
      );
    if (bare === undefined) return graderDoubt(`the grader had not measured the threads of ${barely}, so it could not tell yours apart`);
    const workers = Math.max(0, seen - bare);
    const { min, max } = config.workers;
    if (min !== undefined && workers < min) {
      const starved = starvedObserver(run);
      if (starved !== undefined) return graderDoubt(starved);
      const none = workers === 0 ? `as many as ${barely} has` : `${plural(workers, 'thread')} more than ${barely} (${bare})`;
      return {
        passed: false,
        message: `Your program ran ${workers === 0 ? 'with no threads of its own' : `only ${plural(workers, 'thread')} of its own`} (at least ${min} expected): ${plural(seen, 'thread')} ${seen === 1 ? 'was' : 'were'} seen in its process, ${none}.`,
        hint: `Run the work in threads${language === undefined ? '' : `, each ${language.words.thread}`}; the main thread alone does not count.`,
      };
    }
    if (max !== undefined && workers > max) {
      return { passed: false, message: `Your program ran ${plural(workers, 'thread')} of its own; at most ${max} were expected.` };
    }
    return { passed: true, message: `Your program ran ${plural(workers, 'thread')} of its own.` };
  },
};
