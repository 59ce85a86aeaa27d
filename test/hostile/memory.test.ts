// Hoarding memory, graded through the real pipeline in every tier: in the main process, and in
// two children that each stay under the memory cap (and the per-process data limit) but not
// together.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MEMORY_CEILING_ENV } from '../../grader/run/limits.js';
import { availableTiers, cleanUp, expectHeld, gradeThreat, onlyTest, plantSecrets, removeSecrets, warmUp } from './harness.js';

const tiers = await availableTiers();
/**
 * The cap these gradings run under (the ceiling of small machines lowers the 2 GiB default).
 * Reaching a cap is page faults, CPU time that a loaded machine stretches: touching 2.2 GiB took
 * 2.8 s of CPU and 21 s of wall time at load 20, past the 10 s timeout, and the verdict was then,
 * rightly, "still running". 256 MiB is reached after about 0.35 s of CPU.
 */
const CAP_MB = 256;
beforeAll(async () => {
  vi.stubEnv(MEMORY_CEILING_ENV, String(CAP_MB));
  plantSecrets();
  await warmUp();
});
afterAll(() => {
  removeSecrets();
  vi.unstubAllEnvs();
});

const answer = [{ check: 'output', equals: 'the answer' }];
/** Only bounds the test should a cap fail: the programs never end by themselves, the cap ends each run. */
const TIMEOUT_MS = 20_000;

describe.each(tiers)('tier %s', (tier) => {
  it('stops a memory hog at the memory cap', async () => {
    // It would take 3 × the cap.
    const graded = await gradeThreat('memory-hog', tier, [{ name: 'hoards memory', args: [String(3 * CAP_MB)], timeoutMs: TIMEOUT_MS, checks: answer }]);
    try {
      expect(onlyTest(graded).message).toMatch(
        /^Your program ran out of memory and was stopped\. the main process used \d+ MiB of memory \(the cap is 256 MiB\)$/,
      );
      expectHeld(graded, TIMEOUT_MS);
    } finally {
      cleanUp(graded);
    }
  });

  it('stops children that hoard memory together past the cap, each under it', async () => {
    // Each child takes 3/4 of the cap (with node's own ~30 MiB, still under it); both together, 1.5 ×.
    const graded = await gradeThreat('child-memory-hog', tier, [
      { name: 'children hoard memory', args: [String((3 * CAP_MB) / 4)], timeoutMs: TIMEOUT_MS, checks: answer },
    ]);
    try {
      expect(onlyTest(graded).message).toMatch(
        /^Your program ran out of memory and was stopped\. the program's processes used \d+ MiB of memory together \(the cap is 256 MiB\)$/,
      );
      expectHeld(graded, TIMEOUT_MS);
    } finally {
      cleanUp(graded);
    }
  });
});
