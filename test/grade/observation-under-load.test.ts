// The grader never fails a correct program for its own bad luck: short-lived observed programs,
// graded while two CPU burners starve the grader's observer, pass or end in the grader's error
// ("not your fault"), never in a failed test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBurners, type Burners } from '../../grader/bench/burners.js';
import { gradeTest } from '../../grader/grade/grade-test.js';
import type { TestResult } from '../../grader/report/types.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { CheckSpec } from '../../grader/spec/types.js';
import { makeTest } from '../checks/helpers.js';
import { fixtureProgram, nonce } from '../run/helpers.js';

const info = await detectSandbox();
const tiers = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];
/** Gradings of each program in each tier. */
const ROUNDS = 4;

let burners: Burners | undefined;
beforeAll(() => {
  burners = startBurners(2, 120_000);
});
afterAll(() => burners?.stop());

async function grade(entry: string, args: string[], checks: CheckSpec[], tier: string): Promise<TestResult> {
  const program = fixtureProgram(entry);
  const test = makeTest({ name: entry, args: [nonce(), ...args], observe: true, env: { UV_THREADPOOL_SIZE: '1' }, checks });
  const saved = process.env.GRADER_SANDBOX;
  process.env.GRADER_SANDBOX = tier;
  try {
    return await gradeTest(test, { slug: 'fixture', program, reference: () => Promise.resolve(program) });
  } finally {
    if (saved === undefined) delete process.env.GRADER_SANDBOX;
    else process.env.GRADER_SANDBOX = saved;
  }
}

function expectNeverFailed(results: readonly TestResult[]): void {
  for (const result of results) {
    expect(result.status === 'passed' || result.status === 'error', `${result.status}: ${result.message}`).toBe(true);
    if (result.status === 'error') expect(result.message).toContain('This is not your fault');
  }
  // The observer works at all: some grading is measured and passes. Not most: with two burners
  // in the grader's own session (autogroup: the programs have sessions of their own), its blind
  // windows exceed the 30 ms that proves "not seen" in most runs (38 of 40 in a probe at load
  // 26), and those gradings are rightly its doubt.
  expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThan(0);
}

describe.each(tiers)('tier %s, under two CPU burners', (tier) => {
  it('counts the worker of a program that lives a few tens of ms, or says it could not', async () => {
    const results: TestResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      results.push(
        await grade(
          'workers.mjs',
          ['1'],
          [
            { check: 'exit', code: 0 },
            { check: 'threads', workers: { min: 1 } },
          ],
          tier,
        ),
      );
    }
    expectNeverFailed(results);
  });

  it('sees the program that short-lived children exec, or says it could not', async () => {
    const results: TestResult[] = [];
    const checks: CheckSpec[] = [{ check: 'processes', printedPids: ['Child is {pid:p}'], command: 'hello.mjs', descendants: { min: 3 } }];
    for (let i = 0; i < ROUNDS; i++) results.push(await grade('fork-exec.mjs', ['3'], checks, tier));
    expectNeverFailed(results);
  });
});
