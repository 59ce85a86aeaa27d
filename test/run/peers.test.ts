// Several processes in one work directory, and the stall diagnosis of a FIFO open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gradeTest } from '../../grader/grade/grade-test.js';
import { runTest } from '../../grader/run/run-test.js';
import { describeStall, sampleStallCauses } from '../../grader/run/stall.js';
import type { TestSpec } from '../../grader/spec/types.js';
import { fixtureProgram, nonce, processesWith } from './helpers.js';

function spec(overrides: Partial<TestSpec>): TestSpec {
  return {
    name: 'peers',
    points: 1,
    hidden: false,
    args: [],
    env: {},
    files: [],
    timeoutMs: 8000,
    trials: 1,
    observe: false,
    exclusive: false,
    processes: [],
    checks: [],
    ...overrides,
  };
}

describe('stall diagnosis', () => {
  it('reads a FIFO open from the wait channel of a host process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stall-'));
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [fixtureProgram('open-fifo.mjs').dir + '/open-fifo.mjs', nonce(), fifo], { stdio: 'ignore' });
    try {
      let causes: ReturnType<typeof sampleStallCauses> = [];
      for (let i = 0; i < 100 && !causes?.includes('fifo-open'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        causes = sampleStallCauses([child.pid!]);
      }
      // Some kernels hide wait channels (they read "0"): then nothing is diagnosed.
      const readable = fs.readFileSync(`/proc/${child.pid}/wchan`, 'utf8') !== '0';
      if (readable) expect(causes).toEqual(['fifo-open']);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes causes, and FIFO fixtures when the threads could not be read', () => {
    expect(describeStall(['fifo-open'], ['t/x/pipe'])).toBe(
      'It was blocked opening a FIFO: opening a named pipe waits until another program opens the other end (the work directory holds a FIFO: t/x/pipe).',
    );
    expect(describeStall([], ['t/x/pipe'])).toBeUndefined();
    expect(describeStall(undefined, ['t/x/pipe'])).toMatch(/^The work directory holds a FIFO \(t\/x\/pipe\)/);
    expect(describeStall(undefined, [])).toBeUndefined();
  });
});

describe('several processes', () => {
  it('starts a peer later in the same work directory; each has its run, a stalled one its cause', async () => {
    const word = nonce();
    const { runs } = await runTest(
      spec({
        args: [word, 'pipe'],
        timeoutMs: 2500,
        files: [{ path: 'pipe', type: 'fifo' }],
        processes: [{ name: 'late', args: [word, '3'], entry: 'exit-code.mjs', startAfterMs: 300, timeoutMs: 4000 }],
      }),
      fixtureProgram('open-fifo.mjs'),
    );
    expect(Object.keys(runs).sort()).toEqual(['late', 'main']);
    expect(runs.late).toMatchObject({ ending: 'exited', exitCode: 3, name: 'late' });
    expect(runs.late!.startedAt - runs.main!.startedAt).toBeGreaterThanOrEqual(250);
    expect(runs.main?.ending).toBe('timeout');
    expect(runs.main?.endingDetail).toMatch(/FIFO/);
  });
});

describe('a test decided by a failed exit status', () => {
  // main blocks opening a FIFO nobody else opens; the peer exits 3 where the test wants 0.
  const failingPeer = (word: string, checks: TestSpec['checks']): TestSpec =>
    spec({
      args: [word, 'pipe'],
      timeoutMs: 8000,
      files: [{ path: 'pipe', type: 'fifo' }],
      processes: [{ name: 'late', args: [word, '3'], entry: 'exit-code.mjs', startAfterMs: 300, timeoutMs: 8000 }],
      checks,
    });

  it('stops the processes left waiting instead of letting them run to the timeout', async () => {
    const word = nonce();
    const { runs } = await runTest(failingPeer(word, [{ check: 'exit', process: 'late', code: 0 }]), fixtureProgram('open-fifo.mjs'));
    expect(runs.late).toMatchObject({ ending: 'exited', exitCode: 3 });
    expect(runs.main?.ending).toBe('stopped-decided');
    expect(runs.main?.endingDetail).toMatch(/^The grader stopped it once the "late" process exited with status 3 after /);
    // Stopped once the peer had ended, far from its 8 s timeout (generous: a loaded machine).
    expect(runs.main!.endedAt).toBeLessThan(runs.main!.startedAt + 6000);
    expect(processesWith(word)).toEqual([]);
  });

  it('lets them run when no exit check rejects the ending', async () => {
    const word = nonce();
    const { runs } = await runTest({ ...failingPeer(word, [{ check: 'exit', process: 'late', code: 3 }]), timeoutMs: 1500 }, fixtureProgram('open-fifo.mjs'));
    expect(runs.main?.ending).toBe('timeout');
  });

  it('does not start a peer whose start comes after the decision', async () => {
    const word = nonce();
    const { runs } = await runTest(
      spec({
        args: [word, '4'],
        processes: [{ name: 'later', args: [word, 'pipe'], entry: 'open-fifo.mjs', startAfterMs: 3000, timeoutMs: 8000 }],
        checks: [{ check: 'exit', code: 0 }],
      }),
      fixtureProgram('exit-code.mjs'),
    );
    expect(runs.main).toMatchObject({ ending: 'exited', exitCode: 4 });
    expect(runs.later).toMatchObject({ ending: 'stopped-decided', stdout: '' });
    expect(runs.later?.endingDetail).toMatch(/^It was not started once your main program exited with status 4/);
  });

  it('grades it by the failed exit check, saying who was stopped', async () => {
    const word = nonce();
    const program = fixtureProgram('open-fifo.mjs');
    const test = failingPeer(word, [
      { check: 'exit', code: 0 },
      { check: 'exit', process: 'late', code: 0 },
      { check: 'lines', expect: ['opening', 'read ""'] },
    ]);
    const result = await gradeTest(test, { slug: 'fixture', program, reference: () => Promise.resolve(program) });
    expect(result.status).toBe('failed');
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({ check: 'exit', passed: false });
    expect(result.checks[0]?.message).toBe(
      'Process `late` should exit with status 0, but it exited with status 3. The test could not pass after that, so the grader stopped your main program rather than wait for it; fix this first.',
    );
  });
});
