import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkCatalog, strengthOf, type CatalogCheck } from '../../grader/instructor/check.js';
import { mutationSummary } from '../../grader/mutation/command.js';
import type { MutationResult } from '../../grader/mutation/results.js';
import { loadSpec } from '../../grader/spec/load.js';
import { capture, put, tempRepo } from './temp-repo.js';

/** Makes every lines and match check of a spec accept anything: the known bugs slip through. */
function weaken(specText: string): string {
  const document = parseDocument(specText);
  const tests = document.toJS().tests as Array<{ checks: Array<{ check: string }> }>;
  tests.forEach((test, t) =>
    test.checks.forEach((check, c) => {
      if (check.check === 'lines') document.setIn(['tests', t, 'checks', c], document.createNode({ check: 'lines', mode: 'contains', expect: ['{any}'] }));
      if (check.check === 'match') document.setIn(['tests', t, 'checks', c], document.createNode({ check: 'match', pattern: '' }));
    }),
  );
  return document.toString();
}

let repo: string;
let result: CatalogCheck;

// cwd-path with a weakened copy of its spec; env-set as it is.
beforeAll(async () => {
  repo = await tempRepo(['cwd-path', 'env-set'], 'check-');
  const specFile = path.join(repo, 'specs', 'cwd-path.yaml');
  await writeFile(specFile, weaken(await readFile(specFile, 'utf8')));
  result = await checkCatalog({ root: repo, jobs: 2 });
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('npm run check', () => {
  it('flags a deliberately weakened spec as weak: every known-bad variant passes it', () => {
    const cwdPath = result.exercises.find((e) => e.slug === 'cwd-path')!;
    expect(cwdPath.strength).toBe('weak');
    expect(cwdPath.referencePassed).toBe(true);
    // The TypeScript variants (another language's are named LANGUAGE/NAME: check-languages.test.ts).
    expect(cwdPath.variants.filter((v) => !v.name.includes('/')).map((v) => [v.name, v.rejection])).toEqual([
      ['confuses-cwd-and-script-dir', 'not-rejected'],
      ['cwd-is-script-dir', 'not-rejected'],
      ['script-dir-of-node', 'not-rejected'],
    ]);
    expect(result.problems.map((p) => p.message)).toContain('the spec is weak: every known-bad variant passes it');
  });

  it('finds an intact spec strong: its reference passes and each variant is rejected by the check its spec names', async () => {
    const envSet = result.exercises.find((e) => e.slug === 'env-set')!;
    const spec = await loadSpec(path.join(repo, 'specs', 'env-set.yaml'));
    expect(envSet).toMatchObject({ strength: 'strong', referencePassed: true, tests: spec.tests.length });
    expect(envSet.variants.length).toBeGreaterThan(0);
    expect(envSet.variants.every((v) => v.rejection === 'intended')).toBe(true);
    expect(result.problems.filter((p) => p.slug === 'env-set')).toEqual([]);
  });

  it('prints the strength table and exits 1 on the weak spec, 0 once only sound specs remain', async () => {
    const weak = await capture(['check', 'cwd-path'], repo);
    expect(weak.status).toBe(1);
    expect(weak.stdout).toMatch(/exercise +tests +hidden +points +reference +variants +intended +other check +NOT rejected +by variants/);
    // Every variant, of every language's reference, passes the weakened spec.
    expect(weak.stdout).toMatch(/cwd-path +2 +0 +3 +passes +(\d+) +0 +0 +\1 +weak/);
    expect(weak.stdout).toContain('the spec is weak');
    // The BAD line says why at once, not only at the end after the tables.
    expect(weak.stdout).toMatch(/^BAD cwd-path: the known-bad variant "[a-z/-]+" was not rejected as intended: .* \(more at the end\)$/m);
    // Its spec changed since its recorded mutation run: the score no longer holds, a problem too.
    expect(weak.stdout).toMatch(/cwd-path +\d+ .* STALE/);
    expect(weak.stdout).toContain(
      '- cwd-path: the recorded mutation run no longer matches the reference, spec or equivalents file: npm run check -- --mutate cwd-path',
    );
    // The Python reference's recorded run is stale too: reported below, but not a problem (not gated).
    expect(weak.stdout).toMatch(/Mutation score of the Python references \(reported, not gated\)/);
    expect(weak.stdout).toContain('Stale: cwd-path: npm run check -- --mutate cwd-path --language python');
    expect(weak.stdout).not.toMatch(/^- cwd-path: .*--language python/m);
    const sound = await capture(['check', 'env-set'], repo);
    expect(sound.status, sound.stdout).toBe(0);
    const spec = await loadSpec(path.join(repo, 'specs', 'env-set.yaml'));
    const points = spec.tests.reduce((sum, test) => sum + test.points, 0);
    expect(sound.stdout).toMatch(new RegExp(`env-set +${spec.tests.length} +0 +${points} +passes +\\d+ +\\d+ +0 +0 +strong`));
    // Below it, the mutation score from the recorded run (copied with the exercise, so current).
    expect(sound.stdout).toMatch(/exercise +mutants +killed +timed out +survived +equivalent +errors +score +recorded run/);
    expect(sound.stdout).toMatch(/env-set +\d+ .* current/);
  });

  it('reports a variant without a mustReject entry, a mustReject without a variant, a failing reference and a bad spec', async () => {
    const other = await tempRepo(['env-set'], 'check-bad-');
    try {
      const wrong = path.join(other, 'reference', 'env-set', 'wrong');
      await cp(path.join(other, 'reference', 'env-set'), path.join(other, 'unlisted-copy'), { recursive: true });
      await rm(path.join(other, 'unlisted-copy', 'wrong'), { recursive: true });
      await cp(path.join(other, 'unlisted-copy'), path.join(wrong, 'unlisted'), { recursive: true });
      const [first] = Object.keys(
        (parseDocument(await readFile(path.join(other, 'specs', 'env-set.yaml'), 'utf8')).toJS() as { mustReject: object }).mustReject,
      );
      await rm(path.join(wrong, first!), { recursive: true });
      await put(other, 'reference/env-set/solution.ts', 'console.log("Old value: (unset)");\n');
      await put(other, 'specs/broken.yaml', 'slug: broken\ntests:\n  - name: x\n    checks:\n      - check: nonsense\n');
      const checked = await checkCatalog({ root: other, jobs: 2 });
      const messages = checked.problems.map((p) => `${p.slug}: ${p.message}`).join('\n');
      expect(messages).toContain('reference/env-set/wrong/unlisted/ has no mustReject entry');
      expect(messages).toContain(`mustReject names "${first}", but reference/env-set/wrong/${first}/ does not exist`);
      expect(messages).toContain('env-set: the reference does not pass every test');
      expect(messages).toMatch(/broken: the spec is not valid:\n.*broken\.yaml:5:\d+: .*check names no known check kind/);
      expect(checked.exercises.find((e) => e.slug === 'broken')?.strength).toBe('invalid');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('fails on a mutation score below the goal and on an exercise never mutation-tested', async () => {
    const other = await tempRepo(['env-set'], 'check-mutation-');
    try {
      const results = JSON.parse(await readFile(path.join(other, 'specs', 'mutation', 'env-set.results.json'), 'utf8')) as MutationResult;
      const scored = results.mutants.filter((m) => m.status !== 'equivalent');
      for (const mutant of scored.slice(0, Math.ceil(scored.length / 10))) mutant.status = 'survived';
      await writeFile(path.join(other, 'specs', 'mutation', 'env-set.results.json'), JSON.stringify(results));
      const low = await mutationSummary(other, ['env-set']);
      expect(low.problems).toEqual([{ slug: 'env-set', message: expect.stringMatching(/^mutation score \d+\.\d% is below the goal of 95%/) as string }]);
      expect(low.text).toMatch(/env-set .*\(below goal\) +current/);
      await rm(path.join(other, 'specs', 'mutation', 'env-set.results.json'));
      const none = await mutationSummary(other, ['env-set']);
      expect(none.problems).toEqual([
        { slug: 'env-set', message: 'never mutation-tested: npm run check -- --mutate env-set, then commit specs/mutation/env-set.results.json' },
      ]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('strengthOf', () => {
  const v = (rejection: 'intended' | 'other-check' | 'not-rejected') => ({ name: rejection, rejection, detail: '' });
  it('is weak when no variant is rejected or none exist, strong when all are rejected as intended, partial between', () => {
    expect(strengthOf([])).toBe('weak');
    expect(strengthOf([v('not-rejected'), v('not-rejected')])).toBe('weak');
    expect(strengthOf([v('intended'), v('intended')])).toBe('strong');
    expect(strengthOf([v('intended'), v('not-rejected')])).toBe('partial');
    expect(strengthOf([v('other-check')])).toBe('partial');
  });
});
