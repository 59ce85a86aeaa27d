import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryOf, caseArbitrary } from '../../grader/generate/arbitraries.js';
import { describeCase, instantiate, substitute } from '../../grader/generate/instantiate.js';
import { gradeGenerated, type CaseOutcome } from '../../grader/grade/grade-generated.js';
import type { FixtureSpec, TestSpec } from '../../grader/spec/types.js';
import { makeTest } from '../checks/helpers.js';

const sample = <T>(arbitrary: fc.Arbitrary<T>, seed = 7, numRuns = 300): T[] => fc.sample(arbitrary, { seed, numRuns });

describe('generated values', () => {
  it('text reaches blank lines, "\\r", a missing final newline and multi-byte characters', () => {
    const texts = sample(arbitraryOf({ text: {} })) as string[];
    expect(texts.some((t) => t.includes('\n\n'))).toBe(true);
    expect(texts.some((t) => t.includes('\r'))).toBe(true);
    expect(texts.some((t) => t !== '' && !t.endsWith('\n'))).toBe(true);
    expect(texts.some((t) => /[^\u0000-\u007f]/.test(t))).toBe(true);
    expect(texts).toContain('');
    const plain = sample(arbitraryOf({ text: { cr: false, multibyte: false } })) as string[];
    expect(plain.some((t) => t.includes('\r') || /[^\u0000-\u007f]/.test(t))).toBe(false);
  });

  it('environment values reach empty, spaces, "=" and shell characters', () => {
    const values = sample(arbitraryOf({ envValue: {} })) as string[];
    for (const piece of ['', ' ', '=', '$HOME', '*']) expect(values.some((v) => (piece === '' ? v === '' : v.includes(piece)))).toBe(true);
  });

  it('integers stay within their range and reach both ends of it', () => {
    const ints = (sample(arbitraryOf({ int: { min: -5, max: 5 } })) as string[]).map(Number);
    expect(Math.min(...ints)).toBe(-5);
    expect(Math.max(...ints)).toBe(5);
    expect(ints).toContain(0);
  });

  it('trees are consistent fixtures (every parent a directory made before its children) with every kind of entry', () => {
    const trees = sample(arbitraryOf({ tree: { root: 't' } })) as FixtureSpec[][];
    for (const tree of trees) {
      expect(tree[0]).toEqual({ path: 't', type: 'dir' });
      const made = new Map<string, string | undefined>();
      for (const fixture of tree) {
        const parent = fixture.path.slice(0, fixture.path.lastIndexOf('/'));
        if (fixture.path !== 't') expect(made.get(parent), `${fixture.path} before its directory`).toBe('dir');
        expect(made.has(fixture.path), `${fixture.path} twice`).toBe(false);
        made.set(fixture.path, fixture.type);
      }
    }
    const kinds = new Set(trees.flat().map((f) => f.type));
    expect([...kinds].sort()).toEqual(['dir', 'fifo', 'file', 'symlink']);
    expect(trees.some((tree) => tree.some((f) => f.type === 'dir' && !tree.some((g) => g.path.startsWith(`${f.path}/`))))).toBe(true);
  });
});

describe('a case as a test', () => {
  const test = makeTest({
    args: ['--name', '${name}', '${tree}'],
    env: { '${name}': '${value}', KEEP: null },
    stdin: 'in: ${text}',
    files: [{ path: 'in.txt', content: '${text}' }],
  });
  const values = {
    name: 'GEN',
    value: 'a =b',
    text: 'x\r\ny',
    tree: [
      { path: 't', type: 'dir' as const },
      { path: 't/a', type: 'fifo' as const },
    ],
  };

  it('replaces ${name} everywhere and adds the tree fixtures', () => {
    const concrete: TestSpec = instantiate({ ...test, generate: { values: {} } }, values);
    expect(concrete.args).toEqual(['--name', 'GEN', 't']);
    expect(concrete.env).toEqual({ GEN: 'a =b', KEEP: null });
    expect(concrete.stdin).toBe('in: x\r\ny');
    expect(concrete.files).toEqual([{ path: 'in.txt', content: 'x\r\ny' }, ...values.tree]);
    expect(concrete.generate).toBeUndefined();
    expect(substitute('${unknown} stays', values)).toBe('${unknown} stays');
  });

  it('is described with "\\r" and the tree visible', () => {
    expect(describeCase(values)).toBe('name = "GEN"; value = "a =b"; text = "x\\r\\ny"; tree = the tree t: "t/a (fifo)"');
  });
});

describe('gradeGenerated', () => {
  // A stand-in for running both programs: the "student" fails on any text with a "\r" in it.
  const failsOnCr = (concrete: TestSpec): Promise<CaseOutcome> =>
    Promise.resolve({
      checks: [{ check: 'reference', passed: !(concrete.stdin ?? '').includes('\r'), message: 'differs' }],
    });
  const crTest = makeTest({ stdin: '${text}', generate: { cases: 20, shrinkRuns: 30, values: { text: { text: {} } } } });

  it('passes when every case passes, running exactly the cases asked for', async () => {
    let runs = 0;
    const verdict = await gradeGenerated(
      makeTest({ stdin: '${text}', generate: { cases: 5, values: { text: { text: { cr: false } } } } }),
      3,
      async (concrete) => {
        runs++;
        return failsOnCr(concrete);
      },
    );
    expect(verdict).toEqual({ status: 'passed', cases: 5 });
    expect(runs).toBe(5);
  });

  it('shrinks a failure towards the smallest input, within the bounded number of runs, and the seed replays it', async () => {
    let runs = 0;
    const counting = async (concrete: TestSpec): Promise<CaseOutcome> => {
      runs++;
      return failsOnCr(concrete);
    };
    const verdict = await gradeGenerated(crTest, 11, counting);
    expect(verdict.status).toBe('failed');
    if (verdict.status !== 'failed') return;
    expect(verdict.test.stdin).toContain('\r');
    expect(verdict.test.stdin!.length).toBeLessThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(50);
    expect(verdict.casesRun).toBe(runs);
    const again = await gradeGenerated(crTest, 11, failsOnCr);
    expect(again.status === 'failed' && again.input).toBe(verdict.input);
  });

  it('stops shrinking when the budget is spent', async () => {
    let runs = 0;
    const verdict = await gradeGenerated({ ...crTest, generate: { cases: 20, shrinkRuns: 0, values: { text: { text: {} } } } }, 11, async (concrete) => {
      runs++;
      return failsOnCr(concrete);
    });
    expect(verdict.status).toBe('failed');
    expect(runs).toBeLessThanOrEqual(20);
  });

  it('is a grader error, not a failure, when the reference cannot be run', async () => {
    const verdict = await gradeGenerated(crTest, 11, () => Promise.resolve({ referenceProblem: 'its process `main` did not end by itself (timeout)' }));
    expect(verdict.status).toBe('error');
    expect(verdict.status === 'error' && verdict.message).toContain('the reference solution could not be run on a generated case');
  });

  it('draws every value of the block by name', () => {
    const [first] = sample(caseArbitrary({ n: { int: { min: 1, max: 1 } }, p: { pick: ['x'] } }), 1, 1);
    expect(first).toEqual({ n: '1', p: 'x' });
  });
});
