// A stop that comes after a run is over (a step found failing once the program had ended) kills
// nothing: the run's process group id and its identity (slot uid or marker) may already be another
// run's. Before, such a late stop swept every process of the identity, and another run of the
// same identity was killed ("the grader's supervisor ... was killed"; seen under load in the
// weak tier, where the slot uid just released is the next one handed out).
import { describe, expect, it } from 'vitest';
import { startProgram } from '../../grader/run/run-program.js';
import { closeSession, openSession } from '../../grader/run/session.js';
import type { RunRequest } from '../../grader/run/types.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { SandboxTier } from '../../grader/sandbox/types.js';
import { fixtureProgram, nonce, processesWith } from './helpers.js';

const info = await detectSandbox();
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];

function request(tier: SandboxTier, entry: string, word: string, workDir: string, timeoutMs: number): RunRequest {
  return { name: 'main', program: fixtureProgram(entry), args: [word], env: {}, workDir, timeoutMs, tier };
}

describe.each(tiers)('tier %s', (tier) => {
  it('a stop after the run is over leaves the next run of the same identity alone', async () => {
    const word = nonce();
    const workDir = createWorkDir();
    // One session: the second run has the first one's identity for sure (as a released slot uid is handed out again).
    const session = await openSession(tier);
    try {
      const first = await startProgram(request(tier, 'hello.mjs', word, workDir, 5000), session);
      first.closeStdin();
      expect((await first.done).ending).toBe('exited');
      const second = await startProgram(request(tier, 'loop.mjs', word, workDir, 1500), session);
      second.closeStdin();
      // Late: the first run is over, the second is running.
      first.stop('step-timeout', 'a step failed after the program had ended');
      const run = await second.done;
      expect(run.ending, run.endingDetail).toBe('timeout');
      expect(run.endingDetail).toBe('still running after 1500 ms');
    } finally {
      closeSession(session);
      removeWorkDir(workDir);
    }
    expect(processesWith(word)).toEqual([]);
  });
});
