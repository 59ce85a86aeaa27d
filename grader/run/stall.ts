// Why a run stalled: while a test's processes run, look (every so often) at where their threads
// wait in the kernel (/proc/PID/task/TID/wchan), so that a timeout or "no progress" verdict can
// say "it was blocked opening a FIFO" instead of only "it was still running".
import fs from 'node:fs';
import { findProcesses } from '../sandbox/sweep.js';
import { sessionMatcher, type RunSession } from './session.js';

/** What the threads' wait channels say, in the student's terms. */
export type StallCause = 'fifo-open' | 'pipe-read' | 'pipe-write';

/** Wait channels (kernel function names) and what they mean. */
const CAUSES: ReadonlyArray<[RegExp, StallCause]> = [
  [/^(wait_for_partner|fifo_open)$/, 'fifo-open'],
  [/^(pipe_read|pipe_wait_readable)$/, 'pipe-read'],
  [/^(pipe_write|pipe_wait_writable)$/, 'pipe-write'],
];

/** The grader's own helpers in the session (supervisor shell, bwrap, sleep): not the student's. */
const HELPERS = new Set(['sh', 'dash', 'bash', 'bwrap', 'sleep', 'setpriv']);

/** First sample this long after the start (a program that ends sooner did not stall). */
const FIRST_SAMPLE_MS = 600;
const SAMPLE_EVERY_MS = 250;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The stall causes seen in the threads of these host processes now (undefined: none of them is the student's). */
export function sampleStallCauses(pids: readonly number[]): StallCause[] | undefined {
  const causes = new Set<StallCause>();
  let students = 0;
  for (const pid of pids) {
    const comm = read(`/proc/${pid}/comm`);
    if (comm === undefined || HELPERS.has(comm)) continue;
    students++;
    let tids: string[];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const wchan = read(`/proc/${pid}/task/${tid}/wchan`);
      if (wchan === undefined || wchan === '0' || wchan === '') continue;
      const cause = CAUSES.find(([pattern]) => pattern.test(wchan))?.[1];
      if (cause !== undefined) causes.add(cause);
    }
  }
  return students === 0 ? undefined : [...causes];
}

/**
 * The sentence a verdict gets for the causes seen (with the FIFOs among the fixtures, if any).
 * `causes` undefined: the threads could not be looked at; then only the FIFOs are mentioned.
 */
export function describeStall(causes: readonly StallCause[] | undefined, fifoFixtures: readonly string[] = []): string | undefined {
  if (causes === undefined) {
    if (fifoFixtures.length === 0) return undefined;
    return `The work directory holds ${fifoFixtures.length === 1 ? 'a FIFO' : 'FIFOs'} (${fifoFixtures.join(', ')}): opening one waits until another program opens the other end, which may be why.`;
  }
  const sentences: string[] = [];
  if (causes.includes('fifo-open')) {
    const where = fifoFixtures.length > 0 ? ` (the work directory holds ${fifoFixtures.length === 1 ? 'a FIFO' : 'FIFOs'}: ${fifoFixtures.join(', ')})` : '';
    sentences.push(`It was blocked opening a FIFO: opening a named pipe waits until another program opens the other end${where}.`);
  }
  if (causes.includes('pipe-read')) sentences.push('It was blocked reading a pipe or FIFO that nobody writes to (or nobody closes).');
  if (causes.includes('pipe-write')) sentences.push('It was blocked writing to a full pipe that nobody reads.');
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** Watches a session's processes until stopped; `latest()` is the last diagnosis taken while any ran. */
export interface StallWatch {
  /** False where the session's processes cannot be found (then nothing is diagnosed). */
  readonly available: boolean;
  latest(): StallCause[];
  stop(): void;
}

/** Start sampling the session's processes (a no-op where the session has no way to find them). */
export function watchStalls(session: RunSession): StallWatch {
  const matcher = sessionMatcher(session);
  let latest: StallCause[] = [];
  if (matcher === undefined) return { available: false, latest: () => latest, stop: () => undefined };
  let timer: NodeJS.Timeout | undefined;
  const sample = (): void => {
    // Nothing of the student's left (killed, or ended): keep what was seen while it ran.
    latest = sampleStallCauses(findProcesses(matcher)) ?? latest;
    timer = setTimeout(sample, SAMPLE_EVERY_MS);
  };
  timer = setTimeout(sample, FIRST_SAMPLE_MS);
  return {
    available: true,
    latest: () => latest,
    stop: () => clearTimeout(timer),
  };
}
