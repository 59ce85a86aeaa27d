// The Gradescope autograder zip, unpacked into a fake /autograder root (AUTOGRADER_ROOT), grading
// uploads in each common layout, and writing a results.json when the grader crashes or Node is missing.
import { execFile } from 'node:child_process';
import { copyFile, chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { writeAutograderZip } from '../../grader/gradescope/autograder-zip.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const SLUGS = ['cwd-path', 'env-list'];
let work: string;
let zipFile: string;
let entries: string[];

/** Unpacks the zip into `dir`, keeping each entry's Unix mode (as Gradescope's unzip does). */
async function unzip(file: string, dir: string): Promise<void> {
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(file, { lazyEntries: true });
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      const target = path.join(dir, entry.fileName);
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void mkdir(path.dirname(target), { recursive: true })
            .then(() => writeFile(target, Buffer.concat(chunks), { mode: (entry.externalFileAttributes >>> 16) & 0o777 }))
            .then(() => zip.readEntry(), reject);
        });
      });
    });
    zip.readEntry();
  });
}

/** A fake /autograder: source/ unpacked from the zip (node_modules linked, as setup.sh's npm ci would make it), run_autograder copied up, the upload in submission/. */
async function fakeRoot(upload: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(work, 'autograder-'));
  await unzip(zipFile, path.join(root, 'source'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'source', 'node_modules'), 'dir');
  await copyFile(path.join(root, 'source', 'run_autograder'), path.join(root, 'run_autograder'));
  await chmod(path.join(root, 'run_autograder'), 0o755);
  for (const [file, text] of Object.entries(upload)) {
    await mkdir(path.dirname(path.join(root, 'submission', file)), { recursive: true });
    await writeFile(path.join(root, 'submission', file), text);
  }
  await mkdir(path.join(root, 'submission'), { recursive: true });
  return root;
}

interface Results {
  score: number;
  output: string;
  extra_data?: { grader_error?: boolean };
  tests: Array<{ name: string; score: number; max_score: number; status: string }>;
}

async function runAutograder(root: string, env: Record<string, string> = {}): Promise<{ results: Results; stdout: string }> {
  const { stdout } = await run(path.join(root, 'run_autograder'), [], {
    env: { ...process.env, AUTOGRADER_ROOT: root, ...env },
    maxBuffer: 16 << 20,
    timeout: 280_000,
  });
  const results = JSON.parse(await readFile(path.join(root, 'results', 'results.json'), 'utf8')) as Results;
  return { results, stdout };
}

function pointsOf(results: Results, slug: string): number {
  return results.tests.filter((t) => t.name.startsWith(`${slug}: `)).reduce((sum, t) => sum + t.score, 0);
}

function maxOf(results: Results, slug: string): number {
  return results.tests.filter((t) => t.name.startsWith(`${slug}: `)).reduce((sum, t) => sum + t.max_score, 0);
}

const reference = async (slug: string): Promise<string> => readFile(path.join(repoRoot, 'reference', slug, 'solution.ts'), 'utf8');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'gradescope-'));
  zipFile = path.join(work, 'autograder.zip');
  entries = await writeAutograderZip(repoRoot, zipFile, SLUGS);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the Gradescope autograder zip', () => {
  it('holds setup.sh and run_autograder at its top, the grader, specs and references of the exercises chosen, and nothing students or Gradescope do not need', () => {
    expect(entries.slice(0, 2)).toEqual(['setup.sh', 'run_autograder']);
    expect(entries).toContain('grader/launch.mjs');
    expect(entries).toContain('package-lock.json');
    expect(entries).toContain('specs/cwd-path.yaml');
    expect(entries).toContain('reference/env-list/solution.ts');
    expect(entries).toContain('assignments/env-list/solution.ts');
    expect(entries.filter((e) => /^specs\/[^/]+\.yaml$/.test(e)).sort()).toEqual(['specs/cwd-path.yaml', 'specs/env-list.yaml']);
    for (const prefix of ['test/', '.ci/', 'docs/', '.github/', 'node_modules/', '.git/', 'platforms/', 'specs/drafts/', 'assignments/time-today/']) {
      expect(
        entries.filter((e) => e.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    }
    expect(entries.filter((e) => /^reference\/[^/]+\/wrong\//.test(e))).toEqual([]);
  });

  it('refuses an exercise that has no spec', async () => {
    await expect(writeAutograderZip(repoRoot, path.join(work, 'x.zip'), ['no-such-exercise'])).rejects.toThrow(/No spec for no-such-exercise/);
  });
});

// Each run builds the grader's bundle and grades two exercises (about 20 s idle): generous margins for a loaded machine.
describe('run_autograder in a fake /autograder root', { timeout: 300_000 }, () => {
  it('grades a nested repository folder (a downloaded repository), keeps the starter where nothing was uploaded and says so, and locks specs and references away from other users', async () => {
    const root = await fakeRoot({ 'os-practice-main/assignments/cwd-path/solution.ts': await reference('cwd-path'), 'os-practice-main/README.md': 'x' });
    const { results, stdout } = await runAutograder(root);
    expect(pointsOf(results, 'cwd-path')).toBe(maxOf(results, 'cwd-path'));
    expect(maxOf(results, 'cwd-path')).toBeGreaterThan(0);
    expect(pointsOf(results, 'env-list')).toBe(0);
    expect(results.output).toContain('cwd-path: graded your solution.ts (from os-practice-main/assignments/cwd-path/).');
    expect(results.output).toContain('env-list: you uploaded no file for this exercise, so the starter file was graded.');
    expect(stdout).toContain('env-list: you uploaded no file');
    for (const dir of ['source/specs', 'source/reference', 'results']) expect((await stat(path.join(root, dir))).mode & 0o007, dir).toBe(0);
  });

  it('grades assignments/SLUG/ at the top, replacing the starter', async () => {
    const repository = await runAutograder(await fakeRoot({ 'assignments/env-list/solution.ts': await reference('env-list') }));
    expect(pointsOf(repository.results, 'env-list')).toBe(maxOf(repository.results, 'env-list'));
    expect(repository.results.output).toContain('env-list: graded your solution.ts (from assignments/env-list/).');
  });

  it('grades SLUG/ folders', async () => {
    const folders = await runAutograder(
      await fakeRoot({ 'cwd-path/solution.ts': await reference('cwd-path'), 'env-list/solution.ts': await reference('env-list') }),
    );
    expect(folders.results.score).toBe(maxOf(folders.results, 'cwd-path') + maxOf(folders.results, 'env-list'));
    expect(folders.results.output).toContain('cwd-path: graded your solution.ts (from cwd-path/).');
  });

  it('grades loose files at the top named after their exercise, and says which files it did not use', async () => {
    const root = await fakeRoot({ 'env-list.ts': await reference('env-list'), 'notes.ts': 'export {}' });
    const { results } = await runAutograder(root);
    expect(pointsOf(results, 'env-list')).toBe(maxOf(results, 'env-list'));
    expect(results.output).toContain('env-list: graded your solution.ts (from the top of your upload).');
    expect(results.output).toContain('Not used (not in a folder of an exercise, or a second copy): notes.ts.');
  });

  it('writes results.json with the reason when the grader crashes', async () => {
    const root = await fakeRoot({ 'env-list.ts': 'console.log(1)' });
    await writeFile(path.join(root, 'source', 'grader', 'launch.mjs'), "throw new Error('the grader broke: boom');\n");
    const { results } = await runAutograder(root);
    expect(results).toMatchObject({ score: 0, tests: [], extra_data: { grader_error: true } });
    expect(results.output).toContain('This is a fault of the autograder, not of your code');
    expect(results.output).toContain('The grader stopped with exit status 1 before writing valid results.');
    expect(results.output).toContain('the grader broke: boom');
  });

  it('writes results.json with the reason when Node.js is missing', async () => {
    const root = await fakeRoot({});
    // A PATH with the shell tools run_autograder uses, and no node.
    const bin = path.join(root, 'bin');
    await mkdir(bin);
    for (const tool of ['bash', 'mkdir', 'rm', 'chmod', 'iconv', 'tr', 'cat', 'tail', 'mktemp']) {
      const { stdout } = await run('bash', ['-c', `command -v ${tool}`]);
      await symlink(stdout.trim(), path.join(bin, tool));
    }
    const { results } = await runAutograder(root, { PATH: bin });
    expect(results).toMatchObject({ score: 0, tests: [], extra_data: { grader_error: true } });
    expect(results.output).toContain('Node.js is not installed in the autograder image');
  });
});
