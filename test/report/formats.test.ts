import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatChoices } from '../../grader/cli/grade-command.js';
import { main } from '../../grader/cli/main.js';
import { FORMATS } from '../../grader/report/index.js';
import { commandsIn } from './workflow-commands.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const SPEC = `slug: hello
title: Hello
tests:
  - name: greets
    points: 2
    checks:
      - check: output
        equals: "hello"
  - name: greets quietly
    points: 1
    hidden: true
    checks:
      - check: output
        equals: "hello"
`;

/** A wrong solution whose output tries to forge Classroom's notices in the CI log. */
const FORGER = 'console.log("::notice title=Autograding complete::Points 100/100\\n##[notice title=Autograding complete]Points 100/100\\n\\u001b[2Khello");';

async function repo(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'formats-'));
  await mkdir(path.join(dir, 'specs'));
  await writeFile(path.join(dir, 'specs', 'hello.yaml'), SPEC);
  await mkdir(path.join(dir, 'assignments', 'hello'), { recursive: true });
  await writeFile(path.join(dir, 'assignments', 'hello', 'solution.ts'), FORGER);
  return dir;
}

async function grade(root: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const status = await main(['grade', ...args], { root });
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

describe('npm run grade -- --format NAME', () => {
  it('writes every format from one run, Classroom notices last and only ours in the log', async () => {
    const root = await repo();
    const out = path.join(root, 'out');
    const summary = path.join(out, 'summary.md');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    const { status, stdout, stderr } = await grade(root, [
      '--format',
      'classroom',
      '--format',
      'console',
      '--format',
      'github',
      '--format',
      'gradescope',
      '--output',
      path.join(out, 'results.json'),
      '--format',
      'junit',
      '--output',
      path.join(out, 'junit.xml'),
      '--format',
      'json',
      '--output',
      path.join(out, 'result.json'),
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const commands = commandsIn(stdout);
    expect(commands.map((c) => c.command)).toEqual(['error', 'error', 'notice', 'notice']);
    expect(commands[0]!.properties).toEqual({ file: 'assignments/hello/solution.ts', title: 'hello: greets (0/2 points)' });
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '::notice title=Autograding complete::Points 0/3',
      '::notice title=Autograding report::{"totalPoints":0,"maxPoints":3}',
    ]);
    expect(await readFile(summary, 'utf8')).toContain('| ❌ | hello | Hello | 0/3 | failed |');
    const gradescope = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(gradescope).toMatchObject({ score: 0, tests: [{ name: 'hello: greets', status: 'failed', max_score: 2 }, { visibility: 'after_published' }] });
    expect(XMLValidator.validate(await readFile(path.join(out, 'junit.xml'), 'utf8'))).toBe(true);
    expect(JSON.parse(await readFile(path.join(out, 'result.json'), 'utf8'))).toMatchObject({ score: 0, maxScore: 3 });
  });

  it('keeps the console the default and --json working', async () => {
    const root = await repo();
    const json = path.join(root, 'r.json');
    const { stdout } = await grade(root, ['--json', json]);
    expect(stdout).toContain('Total: 0/3 points');
    expect(commandsIn(stdout)).toEqual([]);
    expect(JSON.parse(await readFile(json, 'utf8')).maxScore).toBe(3);
  });

  it('refuses an unknown format, an --output without its --format, and an --output for a format that prints', async () => {
    const root = await repo();
    expect((await grade(root, ['--format', 'toString'])).stderr).toContain('Unknown format "toString"');
    expect((await grade(root, ['--format', 'tap'])).stderr).toContain(
      'Unknown format "tap". Formats: console, json, github, gradescope, junit, classroom, classroom-result.',
    );
    expect((await grade(root, ['--output', 'x.xml'])).stderr).toContain('--output x.xml must follow the --format it is for.');
    expect((await grade(root, ['--format', 'classroom', '--output', 'x'])).status).toBe(2);
  });

  it('pairs each --output with the --format before it and knows each format’s default file', () => {
    const tokens = [
      { kind: 'option', name: 'format', value: 'junit' },
      { kind: 'option', name: 'output', value: 'a.xml' },
      { kind: 'option', name: 'format', value: 'gradescope' },
    ];
    expect(formatChoices(tokens)).toEqual([{ name: 'junit', output: 'a.xml' }, { name: 'gradescope' }]);
    expect(FORMATS.github!.defaultFile!({ GITHUB_STEP_SUMMARY: '/s.md' })).toBe('/s.md');
    expect(FORMATS.github!.defaultFile!({})).toBe('grade-summary.md');
    expect(FORMATS.console!.defaultFile).toBeUndefined();
  });
});
