// `npm run exercise`: runs the file the grader runs (the spec's entry), in the directory the
// command was typed in, with solutions read from there too.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../grader/cli/main.js';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** A program that records which file ran, where, and with which arguments, in `ran.txt` of its cwd. */
const recorder = (name: string) =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync('ran.txt', ['${name}', process.cwd(), ...process.argv.slice(2)].join('|'));\n`;

let initCwd: string | undefined;
beforeEach(() => {
  initCwd = process.env.INIT_CWD;
});
afterEach(() => {
  if (initCwd === undefined) delete process.env.INIT_CWD;
  else process.env.INIT_CWD = initCwd;
});

describe('npm run exercise', () => {
  it("runs the spec's entry, not solution.ts, in the directory the command was typed in", async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'repo-'));
    await mkdir(path.join(repo, 'specs'));
    await writeFile(path.join(repo, 'specs', 'two.yaml'), 'slug: two\nentry: main\ntests:\n  - name: t\n    checks:\n      - check: exit\n');
    await mkdir(path.join(repo, 'assignments', 'two'), { recursive: true });
    await writeFile(path.join(repo, 'assignments', 'two', 'main.ts'), recorder('main'));
    await writeFile(path.join(repo, 'assignments', 'two', 'solution.ts'), recorder('solution'));
    const typedIn = await mkdtemp(path.join(tmpdir(), 'student-'));
    process.env.INIT_CWD = typedIn;
    expect(await main(['exercise', 'two', 'a b', 'c'], { root: repo })).toBe(0);
    expect(await readFile(path.join(typedIn, 'ran.txt'), 'utf8')).toBe(`main|${typedIn}|a b|c`);
  });

  it('works from a directory outside the repository with npm --prefix, solutions read from there', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'student-'));
    await mkdir(path.join(outside, 'mine', 'env-list'), { recursive: true });
    await writeFile(path.join(outside, 'mine', 'env-list', 'solution.ts'), recorder('mine'));
    const env = { ...process.env };
    delete env.INIT_CWD;
    await run('npm', ['--prefix', root, 'run', 'exercise', '--', '--solutions', 'mine', 'env-list', 'x'], { cwd: outside, env });
    expect(await readFile(path.join(outside, 'ran.txt'), 'utf8')).toBe(`mine|${outside}|x`);
  }, 60_000);
});
