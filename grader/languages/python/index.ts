// Python 3 (Debian's /usr/bin/python3, 3.11 on Debian 12): the slides' own language.
//
// The command line is `python3 -E -s -B FILE ARGS`:
// - -E ignores PYTHON* variables (PYTHONPATH, PYTHONUNBUFFERED...) and -s the user's site-packages:
//   what `-I` isolates, but -I also drops the program's own folder from sys.path (its -P), and a
//   solution.py that imports a sibling module of its folder would then fail;
// - -B writes no .pyc: the program's folder is read-only in the sandbox;
// - not -u: standard output is a file, not a terminal, so print() is block-buffered, as it is when
//   the program's output goes to a pipe; the statements teach flushing (and the hints name it);
// - not -S: without the site module, exit() and quit() do not exist, and programs use them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Language } from '../types.js';
import { buildPython, PYTHON_MISSING, pythonPath } from './build.js';
import { PYTHON_PITFALLS } from './pitfalls.js';
import { TASK_BOOTSTRAP_FILE } from './task-bootstrap.js';

export const PYTHON_FLAGS = ['-E', '-s', '-B'] as const;

const COUNT_THREADS = "import os, sys; sys.stdout.write(str(len(os.listdir('/proc/self/task'))))";

function python(): string {
  const found = pythonPath();
  if (found === undefined) throw new Error(PYTHON_MISSING);
  return found;
}

export const python3: Language = {
  name: 'python',
  label: 'Python',
  extension: '.py',
  build: buildPython,
  runFile: (name) => (name.endsWith('.py') ? name : `${name.replace(/\.[cm]?js$/, '')}.py`),
  sourceFile: (runFile) => runFile,
  // A traceback's `File "/sandbox/program/solution.py", line 3`: the copy is the student's file, line for line.
  sourcePositions: (text, program, seenDir) => text.split(`"${seenDir}/`).join(`"${path.relative(process.cwd(), program.sourceDir) || '.'}/`),
  command: (file, args) => [python(), ...PYTHON_FLAGS, file, ...args],
  // The bootstrap written beside the program by the build reports its threads and forks, then runs it.
  taskReporting: {
    command: (file, args, { programDir }) => [python(), ...PYTHON_FLAGS, path.join(programDir, TASK_BOOTSTRAP_FILE), file, ...args],
  },
  // /usr/bin/python3 and its library (/usr/lib/python3.11) are under /usr, bound anyway.
  runtimeDirs: () => [],
  threadBaseline: {
    key: () => '',
    measure: () => {
      const result = spawnSync(python(), [...PYTHON_FLAGS, '-c', COUNT_THREADS], { env: { PATH: '/usr/bin:/bin' }, timeout: 10_000, encoding: 'utf8' });
      const count = Number(result.stdout.trim());
      if (!Number.isInteger(count) || count <= 0)
        throw new Error(`could not count the threads of a bare python3 (${result.stderr.trim() || result.error?.message || 'no output'})`);
      return count;
    },
    description: 'a python3 program that starts no thread',
  },
  pitfalls: PYTHON_PITFALLS,
  words: {
    thread: 'a threading.Thread (start() it, and join() it before the main thread goes on)',
    childProcess: 'subprocess.Popen (or os.fork()), printing the pid it reports (proc.pid, or what fork() returned); the child prints its own os.getpid()',
    startSibling: (file) => `subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), '${file}'), ...])`,
  },
  statementSection: 'How Python does it',
};
