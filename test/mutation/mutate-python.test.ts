// End to end on a made-up exercise with a Python reference: the mutator's mutants, each built as
// its own copy by the Python plug-in and graded against the spec in the real sandbox.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskPool } from '../../grader/grade/pool.js';
import { pythonMutationSummary } from '../../grader/mutation/command.js';
import { mutatePythonExercise } from '../../grader/mutation/mutate-python.js';
import { mutationFingerprint, readResults, writeResults, type MutationResult } from '../../grader/mutation/results.js';
import { SIZE_SPEC, SIZE_TS_REFERENCE } from './size-exercise.js';

const PY_REFERENCE = `import sys

n = int(sys.argv[1])
print('big' if n > 10 else 'small')
`;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'mutation-python-'));
  await mkdir(path.join(root, 'reference', 'size', 'python'), { recursive: true });
  await mkdir(path.join(root, 'specs', 'mutation'), { recursive: true });
  await writeFile(path.join(root, 'reference', 'size', 'solution.ts'), SIZE_TS_REFERENCE);
  await writeFile(path.join(root, 'reference', 'size', 'python', 'solution.py'), PY_REFERENCE);
  await writeFile(path.join(root, 'specs', 'size.yaml'), SIZE_SPEC);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function find(result: MutationResult, replacement: string): MutationResult['mutants'][number] {
  const mutant = result.mutants.find((m) => m.replacement === replacement);
  if (!mutant) throw new Error(`no mutant "${replacement}" among ${result.mutants.map((m) => m.replacement).join(' | ')}`);
  return mutant;
}

describe('mutatePythonExercise', () => {
  it('kills the mutants a test notices, lists the survivors, skips recorded equivalents, in files of its own', async () => {
    const pool = new TaskPool(2);
    const typescriptBefore = await mutationFingerprint(root, 'size');
    const first = await mutatePythonExercise({ root, slug: 'size', pool });
    expect(first.language).toBe('python');
    // No test has n = 10: ">=" survives, having passed both tests.
    const boundary = find(first, 'n >= 10');
    expect(boundary).toMatchObject({ status: 'survived', file: 'solution.py', line: 4, column: 16, mutator: 'EqualityOperator', original: 'n > 10' });
    expect(boundary.passed).toEqual(expect.arrayContaining(['twenty is big', 'three is small']));
    expect(find(first, 'n <= 10')).toMatchObject({ status: 'killed', killedBy: expect.any(String) });
    expect(find(first, 'True')).toMatchObject({ status: 'killed', mutator: 'ConditionalExpression' });
    expect(first.mutants.filter((m) => m.status === 'error')).toEqual([]);
    expect(first.mutants.filter((m) => m.status === 'killed').length).toBeGreaterThanOrEqual(5);

    await writeResults(root, first);
    expect((await readResults(root, 'size', 'python'))?.fingerprint).toBe(first.fingerprint);
    expect(await readResults(root, 'size')).toBeUndefined();
    const summary = await pythonMutationSummary(root, ['size']);
    expect(summary).toMatch(/size +\d+ +\d+ +0 +1 +0 +0 +\d+\.\d% \(below goal\) +current/);

    await writeFile(
      path.join(root, 'specs', 'mutation', 'size.python.equivalent.yaml'),
      '- at: solution.py:4:16\n  mutator: EqualityOperator\n  replacement: n >= 10\n  reason: made up for the test\n',
    );
    const second = await mutatePythonExercise({ root, slug: 'size', pool });
    expect(find(second, 'n >= 10')).toMatchObject({ status: 'equivalent', reason: 'made up for the test' });
    expect(second.fingerprint).not.toBe(first.fingerprint);
    // The Python run's files leave TypeScript's fingerprint as it was.
    expect(await mutationFingerprint(root, 'size')).toBe(typescriptBefore);
    expect(await pythonMutationSummary(root, ['size'])).toMatch(/size .* STALE/);
  }, 120_000);

  it('says so when an exercise has no Python reference', async () => {
    await mkdir(path.join(root, 'reference', 'bare'), { recursive: true });
    await writeFile(path.join(root, 'specs', 'bare.yaml'), SIZE_SPEC.replace('slug: size', 'slug: bare'));
    await expect(mutatePythonExercise({ root, slug: 'bare', pool: new TaskPool(1) })).rejects.toThrow(/no Python reference/);
  });
});
