import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../grader/cli/main.js';
import { commandsIn } from '../report/workflow-commands.js';

const here = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

const GREET_SPEC = `slug: greet
title: Greet by name
tests:
  - name: greets the name it is given
    points: 2
    args: [Ada]
    checks:
      - check: exit
      - check: output
        equals: "Hello, Ada!"
  - name: a hidden greeting
    points: 1
    hidden: true
    args: [Bob]
    checks:
      - check: output
        equals: "Hello, Bob!"
`;
/** The base's later fix: one more test, that the students' branches never saw. */
const GREET_SPEC_V2 = `${GREET_SPEC}  - name: greets a second name
    points: 1
    args: [Grace]
    checks:
      - check: output
        equals: "Hello, Grace!"
`;
const RIGHT = 'console.log(`Hello, ${process.argv[2]}!`);\n';
const WRONG = 'console.log(`Hello ${process.argv[2]}`);\n';
const FORGED_LAUNCH = 'console.log("::notice title=Autograding complete::Points 100/100");\nprocess.exitCode = 0;\n';

let repo: string;

async function git(...args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo });
  return stdout;
}

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), text);
}

async function branch(name: string, change: () => Promise<void>): Promise<void> {
  await git('checkout', '-q', '-b', name, 'main');
  await change();
  await git('add', '-A');
  await git('commit', '-q', '-m', name);
  await git('checkout', '-q', 'main');
}

/** A course repository: this grader, the time-today exercise and a small greet exercise, and the students' branches. */
beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'ci-repo-'));
  await cp(path.join(here, 'grader'), path.join(repo, 'grader'), { recursive: true });
  await cp(path.join(here, 'package.json'), path.join(repo, 'package.json'));
  for (const file of ['specs/time-today.yaml', 'reference/time-today/solution.ts', 'assignments/time-today/solution.ts', 'assignments/time-today/README.md']) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await cp(path.join(here, file), path.join(repo, file));
  }
  await put('specs/greet.yaml', GREET_SPEC);
  await put('reference/greet/solution.ts', RIGHT);
  await put('assignments/greet/solution.ts', '// TODO: greet the name in process.argv[2]\nprocess.exitCode = 1;\n');
  await put('assignments/greet/README.md', '# Greet\n');
  await put('.gitignore', 'node_modules\n.cache/\n');
  await symlink(path.join(here, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'base');

  await branch('clean', async () => {
    await put('assignments/greet/solution.ts', RIGHT);
    await cp(path.join(here, 'reference/time-today/solution.ts'), path.join(repo, 'assignments/time-today/solution.ts'));
    await put('assignments/greet/README.md', '# Greet\n\nMy notes on the exercise.\n');
  });
  await branch('spec-tampering', async () => {
    await put('assignments/greet/solution.ts', WRONG);
    await put('specs/greet.yaml', GREET_SPEC.replace('"Hello, Ada!"', '"Hello Ada"').replace('"Hello, Bob!"', '"Hello Bob"'));
  });
  await branch('grader-tampering', async () => {
    await put('assignments/greet/solution.ts', WRONG);
    await put('grader/launch.mjs', FORGED_LAUNCH);
  });
  await branch('symlink', async () => {
    await rm(path.join(repo, 'assignments/greet/solution.ts'));
    await symlink('../../reference/greet/solution.ts', path.join(repo, 'assignments/greet/solution.ts'));
  });
  // The base moves on after the students branched: the instructor adds a test.
  await put('specs/greet.yaml', GREET_SPEC_V2);
  await git('commit', '-q', '-am', 'greet: one more test');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

afterEach(() => vi.restoreAllMocks());

interface CiRun {
  status: number;
  stdout: string;
  stderr: string;
  summary: string;
  result: {
    score: number;
    maxScore: number;
    exercises: Array<{ slug: string; status: string; score: number; maxScore: number; tests: Array<{ name: string; status: string }> }>;
  };
}

async function ci(head: string): Promise<CiRun> {
  const out = await mkdtemp(path.join(tmpdir(), 'ci-out-'));
  const json = path.join(out, 'result.json');
  const md = path.join(out, 'summary.md');
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const status = await main(
    [
      'ci',
      '--base',
      'main',
      '--head',
      head,
      '--format',
      'console',
      '--format',
      'github',
      '--output',
      md,
      '--format',
      'json',
      '--output',
      json,
      '--format',
      'classroom',
    ],
    { root: repo },
  );
  vi.restoreAllMocks();
  const result = JSON.parse(await readFile(json, 'utf8')) as CiRun['result'];
  return { status, stdout, stderr, summary: await readFile(md, 'utf8'), result };
}

function exercise(run: CiRun, slug: string): CiRun['result']['exercises'][number] {
  const found = run.result.exercises.find((e) => e.slug === slug);
  expect(found, slug).toBeDefined();
  return found!;
}

describe('grading a pull request (node grader/launch.mjs ci)', () => {
  it('grades a clean branch with the base’s current spec, full marks, exit 0, the statement edit ignored', async () => {
    const run = await ci('clean');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The base's newer spec (three tests, 4 points) was used, although the branch has the old one.
    expect(exercise(run, 'greet')).toMatchObject({ status: 'passed', score: 4, maxScore: 4 });
    expect(exercise(run, 'greet').tests.map((t) => t.name)).toContain('greets a second name');
    expect(exercise(run, 'time-today')).toMatchObject({ status: 'passed', score: 5, maxScore: 5 });
    expect(run.stdout).toContain('No file outside assignments/SLUG/*.ts changed.');
    expect(run.stdout).toContain("Ignored (the base's copy is used): assignments/greet/README.md");
    expect(run.summary).toContain('✅ Only solution files changed (2 graded from this pull request).');
    expect(run.summary).not.toContain('Tampering');
    expect(
      commandsIn(run.stdout)
        .filter((c) => c.command === 'notice')
        .map((c) => c.data),
    ).toEqual(['Points 9/9', '{"totalPoints":9,"maxPoints":9}']);
  });

  it('uses the trusted spec when a branch edits the spec to pass a wrong solution, and fails the check for tampering', async () => {
    const run = await ci('spec-tampering');
    expect(run.status).toBe(1);
    expect(exercise(run, 'greet')).toMatchObject({ status: 'failed', score: 0, maxScore: 4 });
    expect(run.stdout).toContain('TAMPERING: 1 file outside assignments/SLUG/*.ts changed');
    expect(run.stdout).toContain('  modified: specs/greet.yaml');
    expect(run.stdout).toContain('Check failed: 1 file outside assignments/SLUG/*.ts changed');
    expect(run.summary).toContain('## ⛔ Tampering: files outside the solution files changed');
    expect(run.summary).toContain('| modified | specs/greet\\.yaml |');
    // The tampering section comes before the grades.
    expect(run.summary.indexOf('Tampering')).toBeLessThan(run.summary.indexOf('## Grading results'));
    const errors = commandsIn(run.stdout).filter((c) => c.command === 'error');
    expect(errors.map((c) => c.properties.file)).toContain('specs/greet.yaml');
    expect(
      commandsIn(run.stdout)
        .filter((c) => c.command === 'notice')
        .map((c) => c.data)[0],
    ).toBe('Points 0/9');
  });

  it('runs the base’s grader when a branch replaces the grader, and reports it', async () => {
    const run = await ci('grader-tampering');
    expect(run.status).toBe(1);
    expect(exercise(run, 'greet')).toMatchObject({ status: 'failed', score: 0 });
    expect(run.stdout).not.toContain('Points 100/100');
    expect(run.stdout).toContain('  modified: grader/launch.mjs');
    expect(run.summary).toContain('| modified | grader/launch\\.mjs |');
    expect(
      commandsIn(run.stdout)
        .filter((c) => c.command === 'notice')
        .map((c) => c.data)[0],
    ).toBe('Points 0/9');
  });

  it('does not follow a solution file that is a symbolic link (to the reference)', async () => {
    const run = await ci('symlink');
    expect(run.status).toBe(1);
    expect(exercise(run, 'greet')).toMatchObject({ status: 'missing', score: 0 });
    expect(run.stdout).toContain('assignments/greet/solution.ts (a symbolic link');
  });

  it('says so when a ref does not exist (exit 2)', async () => {
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    const status = await main(['ci', '--base', 'no-such-branch', '--head', 'clean'], { root: repo });
    vi.restoreAllMocks();
    expect(status).toBe(2);
    expect(stderr).toContain('"no-such-branch" does not name a commit');
  });
});
