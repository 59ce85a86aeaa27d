import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../grader/instructor/check.js';
import { capture, tempRepo } from './temp-repo.js';

let repo: string;
beforeAll(async () => {
  repo = await tempRepo([], 'new-');
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('npm run new -- SLUG', () => {
  it('scaffolds an exercise that is graded end to end at once', async () => {
    const made = await capture(['new', 'pipe-echo'], repo);
    expect(made.status, made.stderr).toBe(0);
    for (const file of [
      'assignments/pipe-echo/README.md',
      'assignments/pipe-echo/solution.ts',
      'reference/pipe-echo/solution.ts',
      'reference/pipe-echo/wrong/example-bug/solution.ts',
      'specs/pipe-echo.yaml',
    ]) {
      expect(existsSync(path.join(repo, file)), file).toBe(true);
      expect(made.stdout).toContain(file);
    }
    expect((await readFile(path.join(repo, 'specs/pipe-echo.yaml'), 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');

    const reference = await capture(['grade', '--solutions', 'reference', 'pipe-echo'], repo);
    expect(reference.status, reference.stdout).toBe(0);
    expect(reference.stdout).toMatch(/pipe-echo +3\/3/);

    const starter = await capture(['grade', 'pipe-echo'], repo);
    expect(starter.status).toBe(1);
    expect(starter.stdout).toContain('not implemented yet');

    const checked = await checkCatalog({ root: repo, jobs: 2 });
    expect(checked.problems).toEqual([]);
    expect(checked.exercises).toMatchObject([
      { slug: 'pipe-echo', strength: 'strong', referencePassed: true, variants: [{ name: 'example-bug', rejection: 'intended' }] },
    ]);
  });

  it('refuses a slug that exists, and one that is not a slug', async () => {
    await capture(['new', 'taken'], repo);
    const again = await capture(['new', 'taken'], repo);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('The exercise "taken" exists already');
    for (const bad of ['Bad_Slug', '../escape', '-x', 'a--b', '9lives']) {
      const refused = await capture(['new', bad], repo);
      expect(refused.status, bad).toBe(2);
      expect(existsSync(path.join(repo, 'specs', `${bad}.yaml`))).toBe(false);
    }
    expect((await capture(['new'], repo)).status).toBe(2);
  });
});
