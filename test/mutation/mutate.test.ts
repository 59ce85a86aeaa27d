// End to end on a made-up exercise: Stryker's mutants of its reference, each graded against its
// spec in the real sandbox (a mutant is killed only if the active-mutant variable reached it).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskPool } from '../../grader/grade/pool.js';
import { mutateExercise } from '../../grader/mutation/mutate-exercise.js';
import type { MutationResult } from '../../grader/mutation/results.js';
import { SIZE_SPEC, SIZE_TS_REFERENCE } from './size-exercise.js';

// Prints its environment's names: the variable must be hidden from it for the baseline to pass.
const LISTING_SPEC = `slug: names
title: Lists the environment's names
tests:
  - name: only the base variables
    checks:
      - check: lines
        expect: ['["HOME","LANG","PATH"]']
`;

const LISTING_REFERENCE = `const names = Object.keys(process.env).filter((n) => n !== 'GRADER_RUN_MARKER' && n !== 'PWD').sort();
console.log(JSON.stringify(names));
`;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'mutation-test-'));
  for (const [slug, spec, reference] of [
    ['size', SIZE_SPEC, SIZE_TS_REFERENCE],
    ['names', LISTING_SPEC, LISTING_REFERENCE],
  ] as const) {
    await mkdir(path.join(root, 'reference', slug), { recursive: true });
    await writeFile(path.join(root, 'reference', slug, 'solution.ts'), reference);
    await mkdir(path.join(root, 'specs', 'mutation'), { recursive: true });
    await writeFile(path.join(root, 'specs', `${slug}.yaml`), spec);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function find(result: MutationResult, replacement: string): MutationResult['mutants'][number] {
  const mutant = result.mutants.find((m) => m.replacement === replacement);
  if (!mutant) throw new Error(`no mutant "${replacement}" among ${result.mutants.map((m) => m.replacement).join(' | ')}`);
  return mutant;
}

describe('mutateExercise', () => {
  it('kills the mutants a test notices, lists the survivors with the tests they passed, skips recorded equivalents', async () => {
    const pool = new TaskPool(2);
    const first = await mutateExercise({ root, slug: 'size', pool });
    expect(first.variable).toBe('visible');
    // No test has n = 10: ">=" survives, having passed both tests.
    const boundary = find(first, 'n >= 10');
    expect(boundary).toMatchObject({ status: 'survived', file: 'solution.ts', line: 2, mutator: 'EqualityOperator', original: 'n > 10' });
    expect(boundary.passed).toEqual(expect.arrayContaining(['twenty is big', 'three is small']));
    expect(find(first, 'n <= 10')).toMatchObject({ status: 'killed', killedBy: expect.any(String) });
    expect(first.mutants.filter((m) => m.status === 'killed').length).toBeGreaterThanOrEqual(3);

    await writeFile(
      path.join(root, 'specs', 'mutation', 'size.equivalent.yaml'),
      '- at: solution.ts:2:13\n  mutator: EqualityOperator\n  replacement: n >= 10\n  reason: made up for the test\n',
    );
    const second = await mutateExercise({ root, slug: 'size', pool });
    expect(find(second, 'n >= 10')).toMatchObject({ status: 'equivalent', reason: 'made up for the test' });
    expect(second.fingerprint).not.toBe(first.fingerprint);
  }, 120_000);

  it('hides the variable from a program that lists its own environment', async () => {
    const result = await mutateExercise({ root, slug: 'names', pool: new TaskPool(2) });
    expect(result.variable).toBe('hidden');
    expect(result.mutants.length).toBeGreaterThan(0);
    expect(result.mutants.some((m) => m.status === 'killed')).toBe(true);
  }, 120_000);
});
