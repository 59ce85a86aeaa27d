// Interactive steps and process observation, in each tier.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../grader/run/run-program.js';
import type { RunRequest } from '../../grader/run/types.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { SandboxTier } from '../../grader/sandbox/types.js';
import { expectWallTime, fixtureProgram, nonce, processesWith, timed } from './helpers.js';

const info = await detectSandbox();
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];

async function run(tier: SandboxTier, entry: string, extra: Partial<RunRequest>) {
  const word = nonce();
  const workDir = createWorkDir();
  try {
    const { result, ms, slowdown } = await timed(() =>
      runProgram({ name: 'main', program: fixtureProgram(entry), env: {}, workDir, timeoutMs: 5000, tier, ...extra, args: [word, ...(extra.args ?? [])] }),
    );
    expect(processesWith(word)).toEqual([]);
    return { run: result, ms, slowdown };
  } finally {
    removeWorkDir(workDir);
  }
}

describe.each(tiers)('tier %s', (tier) => {
  it('plays send/expect steps, binding values across them', async () => {
    const { run: r } = await run(tier, 'interactive.mjs', {
      steps: [
        { expect: 'ready> ' },
        { send: 'hello\n' },
        { expect: 'you said HELLO from {pid:me}' },
        { waitMs: 50 },
        { send: 'again\n' },
        { expect: 'you said AGAIN from {pid:me}' },
        { send: 'q\n' },
        { expect: 'bye' },
      ],
    });
    expect(r.ending).toBe('exited');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`ready> you said HELLO from ${r.mainPid}\nyou said AGAIN from ${r.mainPid}\nbye\n`);
  });

  it('names the stalled step', async () => {
    const {
      run: r,
      ms,
      slowdown,
    } = await run(tier, 'interactive.mjs', {
      steps: [{ expect: 'ready> ' }, { send: 'hello\n' }, { expect: 'you said HELLO from {pid}' }, { expect: 'you said GOODBYE from {pid}', timeoutMs: 500 }],
    });
    expect(r.ending).toBe('step-timeout');
    expect(r.endingDetail).toBe('step 4 (expect "you said GOODBYE from {pid}"): not seen within 500 ms');
    // The input was answered (step 3): the missing line is not about reading it.
    expect(r.stepHint).toMatch(/^Compare the expected line/);
    // Stopped at the step's 500 ms, not at the run's timeout.
    expectWallTime(ms, { waitedMs: 500, workMs: 3500, slowdownDuring: slowdown });
  });

  it('says when the program ended before the expected line', async () => {
    const { run: r } = await run(tier, 'interactive.mjs', { steps: [{ close: true }, { expect: 'never' }] });
    expect(r.ending).toBe('step-timeout');
    expect(r.endingDetail).toBe('step 2 (expect "never"): the program ended before printing it');
    expect(r.stepHint).toMatch(/^Your program ended before it printed this line/);
  });

  it('observes child processes with their own pids and thread counts', async () => {
    const { run: r } = await run(tier, 'tree.mjs', { args: ['2', '3'], observe: true });
    expect(r.ending).toBe('exited');
    const printed = [...r.stdout.matchAll(/^child (\d+)$/gm)].map((m) => Number(m[1]));
    expect(printed).toHaveLength(2);
    const processes = r.processes ?? [];
    const main = processes.find((p) => p.pid === r.mainPid);
    expect(main?.command).toMatch(/tree\.mjs/);
    for (const pid of printed) {
      const child = processes.find((p) => p.pid === pid);
      expect(child?.ppid).toBe(r.mainPid);
      expect(child?.command).toMatch(/tree\.mjs .* child$/);
      // node's own threads plus 3 workers
      expect(child?.maxThreads).toBeGreaterThanOrEqual(3 + 7);
    }
    // Only the program's processes: no supervisor shell, no bwrap, no sleep.
    expect(processes.every((p) => /node/.test(p.command))).toBe(true);
    if (tier === 'bubblewrap') expect(r.mainPid).toBe(3);
  });
});
