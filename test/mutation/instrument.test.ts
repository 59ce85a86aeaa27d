// The instrumented copy of a reference: Stryker's mutant switches kept, its coverage counting off.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentReference, withoutCoverageCounters } from '../../grader/mutation/instrument.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'instrument-test-'));
  await writeFile(path.join(dir, 'solution.ts'), 'let total = 0;\nfor (let i = 0; i < 3; i++) total += i;\nconsole.log(total > 2 ? "big" : "small");\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('instrumentReference', () => {
  it('keeps the mutant switches and the coverage calls, with a counter that counts nothing', async () => {
    const { dir: out, mutants } = await instrumentReference(dir, path.join(dir, 'out'), 'visible');
    expect(mutants.length).toBeGreaterThan(3);
    const content = await readFile(path.join(out, 'solution.ts'), 'utf8');
    expect(content).toContain('stryMutAct_9fa48(');
    expect(content).toMatch(/stryCov_9fa48\("\d+"/);
    expect(content).toContain('function stryCov_9fa48(..._mutants: string[]): void {}');
    expect(content).not.toContain('mutantCoverage');
  });
});

describe('withoutCoverageCounters', () => {
  it("leaves a file without Stryker's prologue as it is", () => {
    expect(withoutCoverageCounters('console.log(1);\n')).toBe('console.log(1);\n');
  });
});
