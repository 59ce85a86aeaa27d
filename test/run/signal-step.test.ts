// The `signal` step, in each tier: to the process the grader started, to a child by the pid it
// printed, to a program that ignores the signal, to one that has already ended.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../grader/run/run-program.js';
import type { RunRequest } from '../../grader/run/types.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { SandboxTier } from '../../grader/sandbox/types.js';
import type { StepSpec } from '../../grader/spec/types.js';
import { fixtureProgram, nonce, processesWith } from './helpers.js';

const info = await detectSandbox();
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];

async function run(tier: SandboxTier, mode: string, steps: StepSpec[], extra: Partial<RunRequest> = {}) {
  const word = nonce();
  const workDir = createWorkDir();
  try {
    const result = await runProgram({
      name: 'main',
      program: fixtureProgram('signals.mjs'),
      env: {},
      workDir,
      timeoutMs: 8000,
      tier,
      steps,
      ...extra,
      args: [word, mode],
    });
    expect(processesWith(word)).toEqual([]);
    return result;
  } finally {
    removeWorkDir(workDir);
  }
}

describe.concurrent.each(tiers)('tier %s', (tier) => {
  it('signals the process the grader started, by its pid as the grader knows it', async () => {
    const r = await run(tier, 'count', [
      { expect: 'ready {pid:main}' },
      { signal: 'SIGUSR1' },
      { expect: 'usr1 1' },
      { signal: 'SIGUSR1' },
      { expect: 'usr1 2' },
      { signal: 'SIGTERM' },
      { expect: 'bye 2' },
    ]);
    expect(r.ending).toBe('exited');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`ready ${r.mainPid}\nusr1 1\nusr1 2\nbye 2\n`);
  });

  it('a signal the program ignores is sent; the next expect is what fails', async () => {
    const r = await run(tier, 'ignore', [{ expect: 'ready {pid}' }, { signal: 'SIGTERM' }, { expect: 'bye', timeoutMs: 400 }]);
    expect(r.ending).toBe('step-timeout');
    expect(r.endingDetail).toMatch(/^step 3 \(expect "bye"\): /);
    expect(r.stdout).toBe(`ready ${r.mainPid}\n`);
  });

  it('a signal to a program that has already ended fails the step, saying so', async () => {
    const r = await run(tier, 'quick', [{ expect: 'ready {pid}' }, { waitMs: 600 }, { signal: 'SIGUSR1' }]);
    expect(r.ending).toBe('step-timeout');
    expect(r.endingDetail).toBe('step 3 (send SIGUSR1): your program had already ended (exit status 0)');
    expect(r.exitCode).toBe(0);
  });

  it('signals a child by the pid it printed ({pid:NAME} bound by an expect)', async () => {
    const r = await run(tier, 'child', [{ expect: 'child {pid:kid}' }, { signal: 'SIGUSR2', to: '{pid:kid}' }, { expect: 'child ended 0' }]);
    expect(r.ending).toBe('exited');
    expect(r.stdout).toMatch(/^child (\d+)\nchild got SIGUSR2\nchild ended 0\n$/);
  });

  it('refuses a pid that no expect bound', async () => {
    const r = await run(tier, 'count', [{ expect: 'ready {pid:me}' }, { signal: 'SIGTERM', to: '{pid:nobody}' }]);
    expect(r.endingDetail).toBe('step 2 (send SIGTERM to {pid:nobody}): no earlier expect step bound {pid:nobody}');
  });

  it.each([
    { whose: 'init', steps: [{ expect: 'other {pid:init}' }, { signal: 'SIGKILL', to: '{pid:init}' }] as StepSpec[] },
    { whose: 'its parent', steps: [{ expect: 'other 1' }, { expect: 'other {pid:init}' }, { signal: 'SIGKILL', to: '{pid:init}' }] as StepSpec[] },
  ])("never signals a pid that is not one of the program's processes ($whose)", async ({ steps }) => {
    const r = await run(tier, 'init', steps);
    const printed = /other (\d+)\n$/.exec(r.stdout.split('ready')[0]!)?.[1];
    expect(r.endingDetail).toBe(
      `step ${steps.length} (send SIGKILL to {pid:init}): no process of your program with pid ${steps.length === 2 ? 1 : printed} (the pid {pid:init} your program printed) was running`,
    );
    // Nothing of the sandbox was killed: the grader stopped the program after the failed step.
    expect(r.ending).toBe('step-timeout');
  });
});
