// The common pitfalls of a Python solution (the slides' own), most specific first; then the
// catalog's pitfalls of any language. Each recogniser is pure: it reads the evidence only.
import { allRuns, allStderr, linesMissing, linesOf, outputFailed } from '../../hints/evidence.js';
import { COMMON_PITFALLS } from '../../hints/pitfalls.js';
import type { Pitfall, PitfallEvidence } from '../../hints/types.js';

/** The Python code of the solution, `#` comments removed (cheaply: good enough to look for a call). */
function pythonCode(evidence: PitfallEvidence): string {
  return Object.entries(evidence.sources)
    .filter(([name]) => name.endsWith('.py'))
    .map(([, text]) => text.replace(/(^|\s)#.*$/gm, '$1'))
    .join('\n');
}

function uses(evidence: PitfallEvidence, pattern: RegExp): boolean {
  return pattern.test(pythonCode(evidence));
}

const STALLED = new Set(['step-timeout', 'timeout', 'no-progress']);

/** A process was stopped while the grader (or a step) still waited for it. */
function stalled(evidence: PitfallEvidence): boolean {
  return allRuns(evidence).some((run) => STALLED.has(run.ending));
}

/** Some line of the output came out more than once. */
function repeatedLine(evidence: PitfallEvidence): string | undefined {
  const seen = new Set<string>();
  for (const run of allRuns(evidence)) {
    for (const line of linesOf(run.stdout)) {
      if (seen.has(`${run.name}\0${line}`)) return line;
      seen.add(`${run.name}\0${line}`);
    }
  }
  return undefined;
}

const FLUSHES = /flush\s*\(|flush\s*=\s*True|line_buffering\s*=\s*True|reconfigure\s*\(/;

/** print()'s buffer copied by os.fork() into the child, and printed twice. */
export const bufferCopiedByFork: Pitfall = {
  name: 'python-buffer-copied-by-fork',
  recognise(e) {
    if (!uses(e, /\bos\.fork\s*\(|\bfork\s*\(\s*\)/) || !outputFailed(e)) return undefined;
    const line = repeatedLine(e);
    if (line === undefined) return undefined;
    return `A line came out more than once (${JSON.stringify(line)}): when standard output is a file or a pipe, print() keeps lines in a buffer, and os.fork() copies that buffer into the child, which prints it again; call sys.stdout.flush() just before os.fork().`;
  },
};

/** os._exit() ends the process without flushing print()'s buffer. */
export const exitWithoutFlush: Pitfall = {
  name: 'python-exit-without-flush',
  recognise(e) {
    const run = e.runs.main;
    if (!run || !uses(e, /\bos\._exit\s*\(/) || uses(e, FLUSHES) || !outputFailed(e) || !linesMissing(e, run)) return undefined;
    return 'Lines went missing: os._exit() ends the process at once, without flushing what print() still holds in its buffer (standard output is a file or a pipe here, not a terminal); call sys.stdout.flush() before os._exit(), or print(..., flush=True).';
  },
};

/** print() to a file or a pipe is block-buffered: the lines came too late for whoever waited for them. */
export const printBuffered: Pitfall = {
  name: 'python-print-buffered',
  recognise(e) {
    if (!stalled(e) || uses(e, FLUSHES)) return undefined;
    return 'Standard output is a file or a pipe here, not a terminal, so print() keeps your lines in a buffer until it is full or the program ends: the grader (or the process waiting for your line) never saw them; print(..., flush=True), or sys.stdout.flush() after each line that someone waits for.';
  },
};

/** sys.stdin.read() or readlines() waits for the end of input; input() raises EOFError at it. */
export const stdinReading: Pitfall = {
  name: 'python-stdin-reading',
  recognise(e) {
    const interactive = (e.test.steps ?? []).length > 0;
    if (/EOFError/.test(allStderr(e)) && uses(e, /\binput\s*\(/)) {
      return 'input() raises EOFError at the end of input (when the writer closes it): catch it, or read with `for line in sys.stdin:`, which simply ends there.';
    }
    if (interactive && stalled(e) && uses(e, /stdin\.(read|readlines)\s*\(\s*\)/)) {
      return 'sys.stdin.read() and readlines() wait for the end of input, which an interactive writer does not send until it is done: read one line at a time (`for line in sys.stdin:` or sys.stdin.readline()) and answer it at once.';
    }
    if (stalled(e) && uses(e, /\.readline\s*\(\s*\)/)) {
      return "readline() returns '' at the end of input (it does not raise) and keeps the line's '\\n': stop when it returns '', and compare line.rstrip('\\n'), not line, with 'q'; or simply iterate, `for line in sys.stdin:`.";
    }
    return undefined;
  },
};

/** os.fork() in a program that runs threads: the child has only the thread that forked. */
export const forkWithThreads: Pitfall = {
  name: 'python-fork-with-threads',
  recognise(e) {
    if (!stalled(e) || !uses(e, /\bos\.fork\s*\(/) || !uses(e, /\bThread\s*\(|ThreadPoolExecutor|\bthreading\b/)) return undefined;
    return 'os.fork() in a program that runs threads copies only the thread that called it: a lock that another thread held at that moment stays locked forever in the child, and the child hangs; fork before starting any thread, or start the child with subprocess.';
  },
};

/** Daemon threads are killed when the main thread ends. */
export const daemonThreadsKilled: Pitfall = {
  name: 'python-daemon-threads',
  recognise(e) {
    const run = e.runs.main;
    if (!run || !uses(e, /daemon\s*=\s*True|\.setDaemon\s*\(/) || !outputFailed(e) || !linesMissing(e, run)) return undefined;
    return 'Lines went missing: daemon threads are killed, wherever they are, when the main thread ends; make them ordinary threads and join() them (a consumer needs a way to learn that no more work comes: a sentinel on the queue, or queue.join() before exiting).';
  },
};

/** print() writes the text and the end of line separately: two threads' lines run together. */
export const printFromThreads: Pitfall = {
  name: 'python-print-from-threads',
  recognise(e) {
    const run = e.runs.main;
    if (!run || !outputFailed(e) || !uses(e, /\bThread\s*\(|\bthreading\b/)) return undefined;
    const lines = run.stdout.split('\n');
    if (!lines.slice(0, -1).some((line) => line === '')) return undefined;
    return "Two threads' lines ran together (and an empty line came out): print() writes the text and the end of line as two writes, and another thread can write between them; write each line whole, sys.stdout.write(text + '\\n'), under a lock that every thread takes.";
  },
};

/** A sibling .py file started as a program of its own (it is not executable) or by `python3` from PATH. */
export const siblingNotExecutable: Pitfall = {
  name: 'python-sibling-not-executable',
  recognise(e) {
    if (!/PermissionError[^\n]*\.py|Permission denied[^\n]*\.py/.test(allStderr(e))) return undefined;
    return 'A .py file is not a program that the system can start by itself (it is not executable): run it with the interpreter that runs yours, subprocess.Popen([sys.executable, path_of_child_py, ...]).';
  },
};

export const PYTHON_PITFALLS: readonly Pitfall[] = [
  siblingNotExecutable,
  bufferCopiedByFork,
  exitWithoutFlush,
  stdinReading,
  forkWithThreads,
  printBuffered,
  daemonThreadsKilled,
  printFromThreads,
  ...COMMON_PITFALLS,
];
