// The recorded results that `npm run check` reads back: current until a reference, spec or
// equivalents file changes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationRows } from '../../grader/mutation/catalog.js';
import { mutationSummary } from '../../grader/mutation/command.js';
import { mutationFingerprint, writeResults, type MutantOutcome } from '../../grader/mutation/results.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'mutation-results-'));
  await mkdir(path.join(root, 'reference', 'demo'), { recursive: true });
  await mkdir(path.join(root, 'specs', 'mutation'), { recursive: true });
  await writeFile(path.join(root, 'reference', 'demo', 'solution.ts'), 'console.log(1);\n');
  await writeFile(path.join(root, 'specs', 'demo.yaml'), 'slug: demo\n');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const mutant = (id: string, status: MutantOutcome['status']): MutantOutcome => ({
  id,
  file: 'solution.ts',
  line: 1,
  column: 1,
  mutator: 'X',
  original: 'a',
  replacement: 'b',
  status,
});

describe('recorded mutation results', () => {
  it('are current until the spec changes, then stale; a never-run exercise says so', async () => {
    const mutants = [mutant('0', 'killed'), mutant('1', 'survived'), mutant('2', 'timed-out'), mutant('3', 'killed')];
    await writeResults(root, { slug: 'demo', fingerprint: await mutationFingerprint(root, 'demo'), ranAt: '', durationMs: 1, variable: 'visible', mutants });
    const [current] = await mutationRows(root, ['demo']);
    expect(current).toMatchObject({ stale: false, counts: { mutants: 4, killed: 2, timedOut: 1, survived: 1, score: 75 } });
    const summary = (await mutationSummary(root, ['demo', 'other'])).text;
    expect(summary).toMatch(/demo +4 +2 +1 +1 +0 +0 +75\.0% \(below goal\) +current/);
    expect(summary).toContain('Never mutation-tested: other.');

    await writeFile(path.join(root, 'specs', 'demo.yaml'), 'slug: demo\ndefaults: { timeoutMs: 5000 }\n');
    const [stale] = await mutationRows(root, ['demo']);
    expect(stale?.stale).toBe(true);
    const staleSummary = await mutationSummary(root, ['demo']);
    expect(staleSummary.text).toContain('npm run check -- --mutate demo');
    expect(staleSummary.problems.map((p) => p.message)).toEqual([expect.stringContaining('no longer matches')]);
  });

  it("stay current when only a title, a hint, a comment or a known-bad variant's expected failure changes", async () => {
    const spec = (title: string, hint: string, args: string): string =>
      `# ${hint}\nslug: hinted\ntitle: ${title}\ntests:\n  - name: t\n    args: [${args}]\n    checks:\n      - { check: lines, expect: ["1"], hint: ${hint} }\n` +
      `mustReject:\n  bug: { test: t, check: lines, message: "${hint}" }\n`;
    await mkdir(path.join(root, 'reference', 'hinted'), { recursive: true });
    await writeFile(path.join(root, 'reference', 'hinted', 'solution.ts'), 'console.log(1);\n');
    await writeFile(path.join(root, 'specs', 'hinted.yaml'), spec('One', 'print 1', '"a"'));
    const before = await mutationFingerprint(root, 'hinted');
    await writeFile(path.join(root, 'specs', 'hinted.yaml'), spec('The number one', 'print the number 1', '"a"'));
    expect(await mutationFingerprint(root, 'hinted')).toBe(before);
    await writeFile(path.join(root, 'specs', 'hinted.yaml'), spec('One', 'print 1', '"b"'));
    expect(await mutationFingerprint(root, 'hinted')).not.toBe(before);
  });
});
