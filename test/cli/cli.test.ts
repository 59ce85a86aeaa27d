import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../grader/cli/main.js';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function capture(argv: string[], cliRoot = root): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const status = await main(argv, { root: cliRoot });
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

/** A throwaway repository with one exercise, its spec and its solutions. */
async function miniRepo(spec: string, solution?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'repo-'));
  await mkdir(path.join(dir, 'specs'));
  await writeFile(path.join(dir, 'specs', 'hello.yaml'), spec);
  await mkdir(path.join(dir, 'assignments', 'hello'), { recursive: true });
  if (solution !== undefined) await writeFile(path.join(dir, 'assignments', 'hello', 'solution.ts'), solution);
  return dir;
}

const helloSpec = `slug: hello
tests:
  - name: greets
    points: 2
    checks:
      - check: output
        equals: "hello"
`;

describe('npm run grade', () => {
  it('passes a correct solution with exit status 0 and writes the JSON result', async () => {
    const repo = await miniRepo(helloSpec, 'console.log("hello");');
    const json = path.join(repo, 'out', 'result.json');
    const { status, stdout } = await capture(['grade', '--json', json], repo);
    expect(status).toBe(0);
    expect(stdout).toContain('hello');
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result).toMatchObject({
      score: 2,
      maxScore: 2,
      exercises: [{ slug: 'hello', status: 'passed', score: 2, maxScore: 2, tests: [{ name: 'greets', status: 'passed', message: '' }] }],
    });
  });

  it('fails a wrong solution with exit status 1 and says why', async () => {
    const repo = await miniRepo(helloSpec, 'console.log("hullo");');
    const json = path.join(repo, 'result.json');
    const { status, stdout } = await capture(['grade', '--json', json], repo);
    expect(status).toBe(1);
    expect(stdout).toContain('greets');
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result.exercises[0]).toMatchObject({ status: 'failed', score: 0, tests: [{ status: 'failed' }] });
    expect(result.exercises[0].tests[0].message.length).toBeGreaterThan(0);
  });

  it('reports a missing solution as missing', async () => {
    const repo = await miniRepo(helloSpec);
    const json = path.join(repo, 'result.json');
    expect((await capture(['grade', '--json', json], repo)).status).toBe(1);
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result.exercises[0]).toMatchObject({ status: 'missing', score: 0, maxScore: 2 });
    expect(result.exercises[0].message).toContain('solution.ts does not exist');
  });

  it('reports a solution that does not compile with the compiler message at its line', async () => {
    const repo = await miniRepo(helloSpec, 'const x = ;\n');
    const json = path.join(repo, 'result.json');
    const { status, stdout } = await capture(['grade', '--json', json], repo);
    expect(status).toBe(1);
    expect(stdout).toMatch(/solution\.ts:1:11: error/);
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result.exercises[0].status).toBe('error');
  });

  it('exits with 2 and names the file and line of a bad spec', async () => {
    const repo = await miniRepo(helloSpec.replace('equals: "hello"', 'equals: "hello"\n        colour: red'), 'console.log("hello");');
    const { status, stderr } = await capture(['grade'], repo);
    expect(status).toBe(2);
    expect(stderr).toMatch(/hello\.yaml:8:\d+: tests\[0\]\.checks\[0\] has an unknown field "colour"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits with 2 for an unknown exercise or flag, listing what is known', async () => {
    const unknown = await capture(['grade', 'no-such-exercise']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No exercise named "no-such-exercise"');
    expect(unknown.stderr).toContain('time-today');
    const badFlag = await capture(['grade', '--colour']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain('Usage: npm run grade');
  });

  it('grades the references through the real launcher (npm run grade -- --solutions reference SLUG)', async () => {
    const { stdout } = await run(process.execPath, [path.join(root, 'grader', 'launch.mjs'), 'grade', '--solutions', 'reference', 'time-today'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(stdout).toMatch(/✓ time-today/);
  });
});

describe('npm run exercise', () => {
  it('builds a solution as the grader does and runs it by hand with its arguments', async () => {
    const repo = await miniRepo(helloSpec, 'console.log("args:", process.argv.slice(2).join(","));');
    const work = await mkdtemp(path.join(tmpdir(), 'cwd-'));
    const result = await run(
      process.execPath,
      [path.join(root, 'grader', 'launch.mjs'), 'exercise', '--solutions', path.join(repo, 'assignments'), 'hello', 'a', 'b'],
      {
        cwd: root,
        env: { ...process.env, INIT_CWD: work },
      },
    );
    expect(result.stdout).toBe('args: a,b\n');
  });
});
