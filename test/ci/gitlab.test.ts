// The GitLab CI example (docs/workflows/gitlab-ci.yml), parsed: no GitLab linter runs offline on
// Node 20 (gitlab-ci-local 4.75 needs Node 22; gitlab-ci-lint calls a GitLab server).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatChoices } from '../../grader/cli/grade-command.js';

const file = path.resolve(import.meta.dirname, '../../docs/workflows/gitlab-ci.yml');

interface Job {
  stage: string;
  image: string;
  rules: Array<{ if: string }>;
  variables: Record<string, string>;
  before_script: string[];
  script: string[];
  artifacts: { when: string; paths: string[]; reports: { junit: string } };
}

async function job(): Promise<Job> {
  const parsed = parse(await readFile(file, 'utf8')) as Record<string, Job>;
  expect(Object.keys(parsed)).toEqual(['grade']);
  return parsed.grade!;
}

/** The ci command's options in the job's script, parsed as the grader parses them. */
function ciOptions(grade: Job) {
  const words = grade.script[0]!.split(/\s+/).map((w) => w.replace(/^"(.*)"$/, '$1'));
  const options = {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string', multiple: true },
    output: { type: 'string', multiple: true },
  } as const;
  return { ...parseArgs({ args: words.slice(3), tokens: true, options }), words };
}

describe('the GitLab CI example', () => {
  it('runs on merge requests, in Node 20, with the whole history', async () => {
    const grade = await job();
    expect(grade.stage).toBe('test');
    expect(grade.image).toMatch(/^node:20(-|$)/);
    expect(grade.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(grade.variables).toEqual({ GIT_DEPTH: '0' });
  });

  it("switches to the merge request's base before installing anything, then grades the head against it", async () => {
    const grade = await job();
    expect(grade.before_script[0]).toBe('git checkout --quiet --detach "$CI_MERGE_REQUEST_DIFF_BASE_SHA"');
    expect(grade.before_script.at(-1)).toMatch(/^npm ci\b/);
    expect(grade.script).toHaveLength(1);
    const { values, tokens, words } = ciOptions(grade);
    expect(words.slice(0, 3)).toEqual(['node', 'grader/launch.mjs', 'ci']);
    expect(values).toMatchObject({ base: '$CI_MERGE_REQUEST_DIFF_BASE_SHA', head: '$CI_COMMIT_SHA' });
    expect(formatChoices(tokens)).toEqual([{ name: 'console' }, { name: 'junit', output: 'junit.xml' }]);
  });

  it("hands the JUnit file the grader writes to GitLab as the job's junit report, even when the job fails", async () => {
    const grade = await job();
    const junit = formatChoices(ciOptions(grade).tokens).find((c) => c.name === 'junit');
    expect(junit?.output).toBe('junit.xml');
    expect(grade.artifacts.reports.junit).toBe(junit?.output);
    expect(grade.artifacts.when).toBe('always');
    expect(grade.artifacts.paths).toEqual([junit?.output]);
  });
});
