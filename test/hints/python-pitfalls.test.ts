// The pitfalls of a Python solution, recognised from constructed runs and sources; and only for
// Python: a TypeScript solution's evidence never gets them, nor a Python one Node's.
import { describe, expect, it } from 'vitest';
import { recognisePitfall } from '../../grader/hints/index.js';
import type { PitfallEvidence } from '../../grader/hints/types.js';
import type { CheckResult } from '../../grader/report/types.js';
import type { ProgramRun } from '../../grader/run/types.js';
import type { TestSpec } from '../../grader/spec/types.js';

function run(stdout: string, extra: Partial<ProgramRun> = {}): ProgramRun {
  return {
    name: 'main',
    language: 'python',
    stdout,
    stderr: '',
    exitCode: 0,
    signal: null,
    ending: 'exited',
    elapsedMs: 10,
    totalMs: 10,
    startedAt: 0,
    endedAt: 10,
    env: {},
    truncated: false,
    ...extra,
  };
}

function test(extra: Partial<TestSpec> = {}): TestSpec {
  return {
    name: 't',
    points: 1,
    hidden: false,
    args: [],
    env: {},
    files: [],
    timeoutMs: 5000,
    trials: 1,
    observe: false,
    exclusive: false,
    processes: [],
    checks: [],
    ...extra,
  };
}

const linesFailed: CheckResult = { check: 'lines', passed: false, message: 'line 2 differs' };
const endingFailed: CheckResult = { check: 'ending', passed: false, message: 'still running' };

function python(main: ProgramRun, source: string, extra: Partial<PitfallEvidence> = {}): PitfallEvidence {
  return { test: test(), runs: { main }, failed: [linesFailed], sources: { 'solution.py': source }, language: 'python', ...extra };
}

const FORKING = 'import os\nfor line in sys.stdin:\n    print("Hello")\n    pid = os.fork()\n    if pid == 0:\n        os._exit(0)\n';

describe('Python pitfalls', () => {
  it("print's buffer copied by os.fork: a line printed twice", () => {
    const found = recognisePitfall(python(run('Hello from parent 5 6\nHello from parent 5 6\n'), FORKING));
    expect(found?.name).toBe('python-buffer-copied-by-fork');
    expect(found?.sentence).toContain('sys.stdout.flush() just before os.fork()');
  });

  it('print buffered while someone waits: a stalled step, and no flush in the code', () => {
    const stalled = python(run('', { ending: 'step-timeout' }), 'import sys\nfor line in sys.stdin:\n    print("Child is 3")\n', { failed: [endingFailed] });
    expect(recognisePitfall(stalled)?.name).toBe('python-print-buffered');
    const flushed = python(run('', { ending: 'step-timeout' }), 'for line in sys.stdin:\n    print("Child is 3", flush=True)\n', { failed: [endingFailed] });
    expect(recognisePitfall(flushed)?.name).not.toBe('python-print-buffered');
  });

  it('os._exit without a flush loses lines', () => {
    const source = 'import os\nprint("[1] => 0")\nos._exit(0)\n';
    const evidence = python(run(''), source, { test: test({ checks: [{ check: 'lines', expect: ['[1] => 0'] }] }) });
    expect(recognisePitfall(evidence)?.name).toBe('python-exit-without-flush');
  });

  it('input() at the end of input, and sys.stdin.read() in an interactive test', () => {
    const eof = python(
      run('', { stderr: 'Traceback (most recent call last):\nEOFError: EOF when reading a line\n', exitCode: 1 }),
      'while True:\n    line = input()\n',
    );
    expect(recognisePitfall(eof)?.sentence).toMatch(/^input\(\) raises EOFError/);
    const interactive = python(run('', { ending: 'step-timeout' }), 'import sys\ndata = sys.stdin.read()\n', {
      test: test({ steps: [{ send: 'x\n' }] }),
      failed: [endingFailed],
    });
    expect(recognisePitfall(interactive)?.sentence).toMatch(/^sys\.stdin\.read\(\) and readlines\(\) wait for the end of input/);
    const readline = python(run('', { ending: 'timeout' }), 'import sys\nwhile True:\n    line = sys.stdin.readline()\n    if line == "q":\n        break\n', {
      failed: [endingFailed],
    });
    expect(recognisePitfall(readline)?.sentence).toMatch(/^readline\(\) returns '' at the end of input/);
  });

  it('os.fork in a threaded program that then hangs', () => {
    const source = 'import os, threading\nt = threading.Thread(target=work)\nt.start()\npid = os.fork()\n';
    expect(recognisePitfall(python(run('', { ending: 'timeout' }), source, { failed: [endingFailed] }))?.name).toBe('python-fork-with-threads');
  });

  it("daemon threads killed at exit, and two threads' lines run together", () => {
    const daemon = 'import threading\nt = threading.Thread(target=consume, daemon=True)\n';
    expect(
      recognisePitfall(python(run('consumer 0 got => x\n'), daemon, { test: test({ checks: [{ check: 'lines', expect: ['a', 'b', 'c'] }] }) }))?.name,
    ).toBe('python-daemon-threads');
    const joined = python(run('[0] => 0[1] => 0\n\n[0] => 1\n'), 'import threading\nthreading.Thread(target=f).start()\n');
    expect(recognisePitfall(joined)?.name).toBe('python-print-from-threads');
  });

  it('a sibling .py started as a program of its own', () => {
    const stderr = "PermissionError: [Errno 13] Permission denied: '/sandbox/program/child.py'\n";
    expect(recognisePitfall(python(run('', { stderr, exitCode: 1 }), 'subprocess.Popen([child])'))?.name).toBe('python-sibling-not-executable');
  });

  it("keeps each language's pitfalls to its own solutions", () => {
    // The same evidence from a TypeScript solution: no Python pitfall.
    const typescript: PitfallEvidence = {
      ...python(run('Hello from parent 5 6\nHello from parent 5 6\n'), FORKING),
      language: 'typescript',
      sources: { 'solution.ts': FORKING },
    };
    expect(recognisePitfall(typescript)?.name ?? '').not.toMatch(/^python-/);
    // Node's EAGAIN is not a Python program's.
    const eagain = 'Error: EAGAIN: resource temporarily unavailable, write\n';
    expect(recognisePitfall(python(run('x\n', { stderr: eagain, exitCode: 1 }), 'print("x")\n'))).toBeUndefined();
    // The catalog's common pitfalls apply to Python too.
    expect(recognisePitfall(python(run('Parent 7 got [Spam 004Spam 000] at 1.6\n'), 'os.read(r, 100)\n'))?.name).toBe('chunks-as-messages');
  });
});
