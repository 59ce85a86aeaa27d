// The expectExit step: the program must end by itself while standard input stays open.
import { expect, it } from 'vitest';
import { runProgram } from '../../grader/run/run-program.js';
import type { RunRequest } from '../../grader/run/types.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { expectWallTime, fixtureProgram } from './helpers.js';

async function run(entry: string, steps: NonNullable<RunRequest['steps']>) {
  const workDir = createWorkDir();
  try {
    return await runProgram({ name: 'main', program: fixtureProgram(entry), args: [], env: {}, workDir, timeoutMs: 8000, steps });
  } finally {
    removeWorkDir(workDir);
  }
}

it('passes when the program ends on q with standard input still open', async () => {
  const r = await run('quit-on-q.mjs', [{ send: 'hi\n' }, { expect: 'got hi' }, { send: 'q\n' }, { expectExit: { timeoutMs: 3000 } }]);
  expect(r.ending).toBe('exited');
  expect(r.stdout).toMatch(/bye\n$/);
});

it('names the last line sent when the program keeps waiting on its open standard input', async () => {
  const started = Date.now();
  const r = await run('hold-stdin.mjs', [{ send: 'a\n' }, { expect: 'got a' }, { send: 'q\n' }, { expect: 'bye' }, { expectExit: { timeoutMs: 500 } }]);
  expect(r.ending).toBe('step-timeout');
  expect(r.endingDetail).toBe('step 5 (expect the program to end): it did not end within 500 ms after the last input line "q" (standard input left open)');
  // Stopped at the step's 500 ms, not at the run's 8 s timeout.
  expectWallTime(Date.now() - started, { waitedMs: 500, workMs: 4500 });
});
