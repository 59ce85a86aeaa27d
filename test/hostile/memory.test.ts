// Hoarding memory, graded through the real pipeline in every tier: in the main process, and in
// two children that each stay under the per-process data limit (4 GiB) but not together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableTiers, cleanUp, expectHeld, gradeThreat, onlyTest, plantSecrets, removeSecrets, warmUp } from './harness.js';

const tiers = await availableTiers();
beforeAll(async () => {
  plantSecrets();
  await warmUp();
});
afterAll(removeSecrets);

const answer = [{ check: 'output', equals: 'the answer' }];

// Touching 2 GiB page by page takes 2-4 s here (more on a loaded machine): a generous timeout
// that only bounds the test; the cap ends each run long before it.
describe.each(tiers)('tier %s', (tier) => {
  it('stops a memory hog at the memory cap', async () => {
    const graded = await gradeThreat('memory-hog', tier, [{ name: 'hoards memory', timeoutMs: 10_000, checks: answer }]);
    try {
      expect(onlyTest(graded).message).toMatch(/^Your program ran out of memory and was stopped\. the main process used \d+ MiB of memory \(the cap is 2048 MiB\)$/);
      expectHeld(graded, 10_000);
    } finally {
      cleanUp(graded);
    }
  });

  it('stops children that hoard memory together past the cap, each under the per-process limit', async () => {
    const graded = await gradeThreat('child-memory-hog', tier, [{ name: 'children hoard memory', timeoutMs: 10_000, checks: answer }]);
    try {
      expect(onlyTest(graded).message).toMatch(
        /^Your program ran out of memory and was stopped\. the program's processes used \d+ MiB of memory together \(the cap is 2048 MiB\)$/,
      );
      expectHeld(graded, 10_000);
    } finally {
      cleanUp(graded);
    }
  });
});
