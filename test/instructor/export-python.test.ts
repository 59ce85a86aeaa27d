// `npm run export -- --language python DIR`: the students' copy in Python: Python starters (no
// .ts), statements with "How Python does it" instead of "How Node differs", and `npm run grade`
// there grades assignments/SLUG/solution.py (the starter says "not started"; a solution passes).
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grade } from '../../grader/grade/grade.js';
import { exportRepository } from '../../grader/instructor/export.js';
import { here, tempRepo } from './temp-repo.js';

const SLUGS = ['cwd-path', 'fork-exec'];
let repo: string;
let dest: string;

beforeAll(async () => {
  repo = await tempRepo(SLUGS, 'export-python-');
  for (const slug of SLUGS) await cp(path.join(here, 'templates', 'python', slug), path.join(repo, 'templates', 'python', slug), { recursive: true });
  await cp(path.join(here, 'README.md'), path.join(repo, 'README.md'));
  dest = path.join(await mkdtemp(path.join(tmpdir(), 'export-python-out-')), 'students');
  await exportRepository(repo, dest, { language: 'python' });
  await symlink(path.join(here, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
}, 300_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
  await rm(path.dirname(dest), { recursive: true, force: true });
});

describe('a Python students copy', () => {
  it('has the Python starters and no TypeScript ones, and no templates', async () => {
    expect((await readdir(path.join(dest, 'assignments', 'fork-exec'))).sort()).toEqual(['README.md', 'child.py', 'solution.py']);
    expect((await readdir(path.join(dest, 'assignments', 'cwd-path'))).sort()).toEqual(['README.md', 'solution.py']);
    expect(existsSync(path.join(dest, 'templates'))).toBe(false);
  });

  it('has statements with "How Python does it" instead of "How Node differs", and Python file names', async () => {
    const statement = await readFile(path.join(dest, 'assignments', 'fork-exec', 'README.md'), 'utf8');
    expect(statement).not.toContain('## How Node differs');
    expect(statement).toContain(
      `## How Python does it\n\n${(await readFile(path.join(here, 'templates', 'python', 'fork-exec', 'how-python-does-it.md'), 'utf8')).trimEnd()}\n\n## `,
    );
    expect(statement).not.toMatch(/\bchild\.(ts|js)\b/);
    expect(statement).toContain('child.py');
    const readme = await readFile(path.join(dest, 'README.md'), 'utf8');
    expect(readme).toContain('you write it in Python');
    expect(readme).not.toContain('<!-- maintainers -->');
  });

  it('grades the starters as not started, and a Python solution put in their place', async () => {
    const starters = await grade({ root: dest, slugs: ['cwd-path'], reporters: [], jobs: 2 });
    expect(starters.exercises[0]).toMatchObject({ language: 'python', notStarted: true, message: expect.stringContaining('assignments/cwd-path/solution.py') });
    await writeFile(
      path.join(dest, 'assignments', 'cwd-path', 'solution.py'),
      'import os\nprint(f"My cwd: {os.getcwd()}")\nprint(f"My script dir: {os.path.dirname(os.path.abspath(__file__))}")\n',
    );
    const solved = await grade({ root: dest, slugs: ['cwd-path'], reporters: [], jobs: 2 });
    expect(solved.exercises[0]).toMatchObject({ status: 'passed', language: 'python' });
  }, 120_000);
});

describe('the Python templates', () => {
  it('give every exercise a starter that compiles and a "How Python does it" section', async () => {
    const slugs = (await readdir(path.join(here, 'specs'))).filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length));
    for (const slug of slugs) {
      const dir = path.join(here, 'templates', 'python', slug);
      const starter = await readFile(path.join(dir, 'solution.py'), 'utf8');
      expect(starter, slug).toContain('not implemented yet');
      expect((await readFile(path.join(dir, 'how-python-does-it.md'), 'utf8')).trim().length, slug).toBeGreaterThan(80);
    }
  });
});
