// The common pitfalls of these exercises (../shared/platform-facts.md), most specific first.
// Each recogniser is pure: it reads the evidence and returns one sentence, or undefined.
import { allRuns, allStderr, calls, linesMissing, linesOf, optionValue, outputFailed } from './evidence.js';
import type { Pitfall } from './types.js';

/** Starting or importing a `.ts` file at run time: the grader runs the built `.js` files. */
export const tsExtension: Pitfall = {
  name: 'ts-extension',
  recognise(e) {
    const stderr = allStderr(e);
    const seen = /ERR_UNKNOWN_FILE_EXTENSION/.test(stderr) || /Cannot find module '[^'\n]*\.ts'/.test(stderr) || /ENOENT[^\n]*\.ts\b/.test(stderr);
    if (!seen) return undefined;
    return "Your program starts or imports a `.ts` file at run time, but every `.ts` file is built to a `.js` file that plain node runs: name the sibling by its built name, e.g. `new URL('./child.js', import.meta.url)`.";
  },
};

/** `fs.writeSync(1, ...)` on a full non-blocking pipe. */
export const eagain: Pitfall = {
  name: 'eagain',
  recognise(e) {
    // Only a write: `spawn ... EAGAIN` is the process cap, a different story.
    if (!/EAGAIN: resource temporarily unavailable, write|EAGAIN[^\n]*\n[^\n]*writeSync/.test(allStderr(e))) return undefined;
    return '`fs.writeSync` threw EAGAIN: standard output was a pipe that turned non-blocking (it does once a Worker starts) and was full; retry the write when it throws EAGAIN, or write to a file.';
  },
};

/** execSync / spawnSync keep at most 1 MiB of output by default. */
export const maxBuffer: Pitfall = {
  name: 'max-buffer',
  recognise(e) {
    if (!/ENOBUFS|maxBuffer/.test(allStderr(e))) return undefined;
    return "`execSync` and `spawnSync` keep at most 1 MiB of a command's output (their `maxBuffer`): pass a larger `maxBuffer`, or read the output as a stream with `spawn`.";
  },
};

/** A multi-byte character split between two reads, each half decoded on its own. */
export const utf8Split: Pitfall = {
  name: 'utf8-split',
  recognise(e) {
    // A U+FFFD is evidence of a split character only when the program was fed multi-byte text;
    // a program that simply writes invalid bytes gets no such hint.
    if (!outputFailed(e) || !e.runs.main?.stdout.includes('\uFFFD') || !inputHasMultibyteText(e)) return undefined;
    return "A character came out as '\uFFFD': its bytes were split between two reads and each piece was decoded on its own; decode the stream as a whole, with `setEncoding('utf8')` or a `TextDecoder` used with `{ stream: true }`.";
  },
};

function inputHasMultibyteText(e: Parameters<Pitfall['recognise']>[0]): boolean {
  const feed = e.test.feed;
  const texts = [
    e.test.stdin ?? '',
    feed?.text ?? '',
    feed?.base64 === undefined ? '' : Buffer.from(feed.base64, 'base64').toString('utf8'),
    ...(e.test.steps ?? []).map((step) => ('send' in step ? step.send : '')),
  ];
  return texts.some((text) => /[^\u0000-\u007f]/.test(text)) || feed?.parts !== undefined;
}

/** Printing whatever one read returned: two messages joined, as the slide's 'Spam 004Spam 000'. */
export const chunksAsMessages: Pitfall = {
  name: 'chunks-as-messages',
  recognise(e) {
    if (!outputFailed(e)) return undefined;
    const joined = linesOf(e.runs.main?.stdout ?? '')
      .map((line) => /([A-Za-z]+ \d+)([A-Za-z]+ \d+)/.exec(line))
      .find((found) => found !== null);
    if (!joined) return undefined;
    return `Two messages came out as one (${JSON.stringify(joined[0])}): a pipe is a stream of bytes, and one read may return several messages or part of one; keep what arrives in a buffer and handle one complete line (up to its "\\n") at a time.`;
  },
};

const CONSUMED = /consumer \d+ got => \[producer id=(\d+), count=(\d+)\]/;

/** Consumers that die with the main thread before the queue is empty (the slide's daemon threads). */
export const lastMessageLost: Pitfall = {
  name: 'last-message-lost',
  recognise(e) {
    const run = e.runs.main;
    if (!run || !outputFailed(e)) return undefined;
    const producers = Number(optionValue(e.test.args, '--producers') ?? 2);
    const messages = Number(optionValue(e.test.args, '--messages') ?? 4);
    const got = new Map<number, Set<number>>();
    for (const line of linesOf(run.stdout)) {
      const found = CONSUMED.exec(line);
      if (found) got.set(Number(found[1]), (got.get(Number(found[1])) ?? new Set()).add(Number(found[2])));
    }
    if (got.size === 0 || !Number.isInteger(producers) || !Number.isInteger(messages)) return undefined;
    let missing = 0;
    for (let id = 0; id < producers; id++) {
      const counts = got.get(id) ?? new Set<number>();
      // Only the last messages missing: what came is 0..k-1 without a gap.
      if ([...counts].some((count) => count >= counts.size)) return undefined;
      missing += messages - counts.size;
    }
    if (missing < 1) return undefined;
    return `The last message${missing === 1 ? ' was' : 's were'} never printed: the program ended while consumers still had work (the slide's daemon consumers die with the main thread); end only after every message put on the queue has been taken and printed, e.g. send each consumer a stop message and wait for it to exit.`;
  },
};

/** `toISOString()` is the UTC date, a day off under a time zone far from UTC. */
export const utcDate: Pitfall = {
  name: 'utc-date',
  recognise(e) {
    if (!calls(e, /\.toISOString\s*\(/) || !outputFailed(e)) return undefined;
    const aboutDates = e.failed.some((c) => /date|UTC/i.test(c.message)) || e.test.checks.some((c) => JSON.stringify(c).includes('{date'));
    if (!aboutDates) return undefined;
    return '`toISOString()` gives the date in UTC, which under a time zone far from UTC is a day off: build the local date from `getFullYear()`, `getMonth() + 1` and `getDate()`.';
  },
};

/** `rl.question()` in a loop drops lines that arrive together. */
export const questionDropsLines: Pitfall = {
  name: 'question-drops-lines',
  recognise(e) {
    const run = e.runs.main;
    if (!run || e.test.stdin === undefined || !calls(e, /\.question\s*\(/) || !outputFailed(e) || !linesMissing(e, run)) return undefined;
    return '`rl.question()` in a loop loses lines when the input arrives all at once, as it does from a pipe or a file: read the lines with `for await (const line of rl)` instead.';
  },
};

/** Worker output relayed through a main thread that exits (or blocks) too early. */
export const workerOutputLost: Pitfall = {
  name: 'worker-output-lost',
  recognise(e) {
    const run = e.runs.main;
    if (!run || !calls(e, /new\s+Worker\s*\(/) || !calls(e, /process\.exit\s*\(|Atomics\.wait\s*\(/)) return undefined;
    if (!outputFailed(e) || !linesMissing(e, run)) return undefined;
    return "Lines of the worker threads went missing: a worker's output reaches stdout through the main thread, so a main thread that calls `process.exit()` or blocks in `Atomics.wait` before the workers are done loses it; wait for each worker with `await once(worker, 'exit')` and let the program end by itself.";
  },
};

/** Output still queued for a pipe when `process.exit()` ends the program. */
export const exitAfterWrite: Pitfall = {
  name: 'exit-after-write',
  recognise(e) {
    const cutShort = allRuns(e).some((run) => {
      const bytes = Buffer.byteLength(run.stdout);
      return !run.truncated && bytes >= 16 * 1024 && !run.stdout.endsWith('\n') && run.exitCode !== null;
    });
    if (!cutShort || !outputFailed(e)) return undefined;
    if (!calls(e, /process\.exit\s*\(/) && !allRuns(e).some((run) => Buffer.byteLength(run.stdout) >= 64 * 1024)) return undefined;
    return 'The output stops in the middle of a line: `process.exit()` ends a program before what it wrote to a pipe has all gone out (of 1 MB written, a few hundred KB arrived); set `process.exitCode` and let the program end by itself.';
  },
};

/** Pitfalls of any language's program: they read only what it printed. */
export const COMMON_PITFALLS: readonly Pitfall[] = [chunksAsMessages, lastMessageLost];

/** Every pitfall of a TypeScript program on Node, most specific first: the first that recognises the evidence names it. */
export const NODE_PITFALLS: readonly Pitfall[] = [
  tsExtension,
  eagain,
  maxBuffer,
  utf8Split,
  chunksAsMessages,
  lastMessageLost,
  utcDate,
  questionDropsLines,
  workerOutputLost,
  exitAfterWrite,
];

/** The TypeScript list (the catalog's first language), kept under its old name. */
export const PITFALLS = NODE_PITFALLS;
