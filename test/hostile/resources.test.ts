// Careless and hostile use of resources, graded through the real pipeline in every tier: a CPU
// loop, a fork bomb, floods of output, invalid UTF-8, and closing stdout (memory: memory.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASUREMENT_ATTEMPTS } from '../../grader/grade/measurement-doubt.js';
import { availableTiers, cleanUp, expectHeld, gradeThreat, onlyTest, plantSecrets, removeSecrets, type Graded, type ThreatTest, warmUp } from './harness.js';

const tiers = await availableTiers();
beforeAll(async () => {
  plantSecrets();
  await warmUp();
});
afterAll(removeSecrets);

async function grade(slug: string, tier: 'bubblewrap' | 'weak', test: Omit<ThreatTest, 'name'>): Promise<Graded> {
  return gradeThreat(slug, tier, [{ name: `survives ${slug}`, ...test }]);
}

const answer = [{ check: 'output', equals: 'the answer' }];

describe.each(tiers)('tier %s', (tier) => {
  it('stops a CPU loop at the timeout', async () => {
    const graded = await grade('cpu-loop', tier, { timeoutMs: 1500, checks: answer });
    try {
      const test = onlyTest(graded);
      // On a machine that others keep busy, an endless loop mostly waits for a CPU, like a starved
      // correct program: then the timeout is the grader's doubt (run again, then its error), never a pass.
      const doubted = test.status === 'error';
      if (doubted)
        expect(test.message).toMatch(/^The grader could not measure this test \(it ran it \d+ times?\): the machine was too busy: .* This is not your fault/);
      else expect(test.message).toBe('Your program was still running after 1.5 s and was stopped. The last line it printed was `spinning`.');
      expect(test.status).not.toBe('passed');
      expect(graded.ms).toBeGreaterThanOrEqual(1500);
      expectHeld(graded, doubted ? 1500 * MEASUREMENT_ATTEMPTS : 1500);
    } finally {
      cleanUp(graded);
    }
  });

  it('stops a fork bomb at the process cap and the timeout, and names both', async () => {
    const graded = await grade('fork-bomb', tier, { timeoutMs: 2000, checks: answer });
    try {
      const test = onlyTest(graded);
      expect(test.message).toMatch(
        /^Your program was still running after 2 s and was stopped\. The last line it printed was `bombing`\. On the way it ran into the cap on the number of processes \(stderr: `[^`]+`\)\.$/,
      );
      expect(test.checks[0]?.hint).toMatch(/fork bomb/);
      expect(test.message).toContain('Cannot fork');
      expectHeld(graded, 2000);
    } finally {
      cleanUp(graded);
    }
  });

  it('stops 300 MB on stdout at the output cap, and quotes none of it', async () => {
    const graded = await grade('stdout-flood', tier, { timeoutMs: 3000, checks: answer });
    try {
      expect(onlyTest(graded).message).toBe('Your program printed far more output than expected and was stopped. stdout reached the cap of 8388608 bytes');
      expect(graded.log.length).toBeLessThan(20_000);
      expect(graded.jsonText.length).toBeLessThan(20_000);
      // Stopped by the output cap, not by the timeout: the first ending wins, and the message names it.
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });

  it('stops one 50 MB line without a newline at the output cap', async () => {
    const graded = await grade('long-line', tier, { timeoutMs: 3000, checks: answer });
    try {
      expect(onlyTest(graded).message).toBe('Your program printed far more output than expected and was stopped. stdout reached the cap of 8388608 bytes');
      expect(graded.log.length).toBeLessThan(20_000);
      expect(graded.jsonText.length).toBeLessThan(20_000);
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });

  it('shows invalid UTF-8 as replacement characters, in valid JSON', async () => {
    const graded = await grade('invalid-utf8', tier, { timeoutMs: 3000, checks: answer });
    try {
      const test = onlyTest(graded);
      expect(test.message).toMatch(/^The stdout is not what was expected: line 1 should be `the answer`, but it was `hello \uFFFD+`\.$/);
      expect(test.checks[0]?.diff).toContain('+world \uFFFD');
      expect(test.stderrTail).toMatch(/^err \uFFFD+$/);
      // What the grader wrote is well-formed UTF-8 (it round-trips), whatever the program wrote.
      expect(Buffer.from(graded.log, 'utf8').toString('utf8')).toBe(graded.log);
      expect(graded.log).not.toMatch(/[\uD800-\uDFFF]/);
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });

  it('stops a program that closed its stdout and ran on, with what it printed before', async () => {
    const graded = await grade('close-stdout', tier, { timeoutMs: 1500, checks: answer });
    try {
      const test = onlyTest(graded);
      expect(test.message).toBe('Your program was still running after 1.5 s and was stopped. The last line it printed was `about to close stdout`.');
      expect(test.stderrTail).toBe('stdout is gone: EBADF');
      expectHeld(graded, 1500);
    } finally {
      cleanUp(graded);
    }
  });
});
