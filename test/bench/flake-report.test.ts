// The flake hunt's bookkeeping: failures read from vitest's JSON report, and gathered over runs.
import { describe, expect, it } from 'vitest';
import { burnersForRun, failedTests, flakyTests, type SuiteRun, type VitestJsonReport } from '../../grader/bench/flake-report.js';

const root = '/tmp/clone';
const report: VitestJsonReport = {
  numTotalTests: 4,
  numFailedTests: 2,
  testResults: [
    {
      name: `${root}/test/run/run-program.test.ts`,
      status: 'failed',
      assertionResults: [
        {
          fullName: 'tier weak caps the number of processes',
          status: 'failed',
          duration: 67.4,
          failureMessages: ['\nAssertionError: expected 0 to be 1\n    at x.ts:1'],
        },
        { fullName: 'tier weak stops a flood', status: 'passed', duration: 120 },
      ],
    },
    { name: `${root}/test/broken.test.ts`, status: 'failed', message: 'Failed to load url ./missing.js', assertionResults: [] },
    { name: `${root}/test/ok.test.ts`, status: 'passed', assertionResults: [{ title: 'fine', status: 'passed' }] },
  ],
};

describe('the failures of one run', () => {
  it('lists failed tests with their file, name, duration and first message line, and files that failed to load', () => {
    expect(failedTests(report, root)).toEqual([
      { file: 'test/run/run-program.test.ts', test: 'tier weak caps the number of processes', durationMs: 67.4, message: 'AssertionError: expected 0 to be 1' },
      { file: 'test/broken.test.ts', test: '(the file itself)', durationMs: undefined, message: 'Failed to load url ./missing.js' },
    ]);
  });
});

describe('every test that failed in any run', () => {
  const run = (n: number, burners: number, failures = failedTests(report, root)): SuiteRun => ({
    run: n,
    burners,
    loadBefore: [1, 1, 1],
    loadAfter: [2, 2, 2],
    wallMs: 1000,
    tests: 4,
    failures,
  });

  it('gathers them over runs, most often failed first, counting the loaded runs', () => {
    const flaky = flakyTests([run(1, 0, []), run(2, 2), run(3, 0, failedTests(report, root).slice(1))]);
    expect(flaky).toEqual([
      {
        file: 'test/broken.test.ts',
        test: '(the file itself)',
        failedIn: [2, 3],
        failedWithBurners: 1,
        durationsMs: [],
        message: 'Failed to load url ./missing.js',
      },
      {
        file: 'test/run/run-program.test.ts',
        test: 'tier weak caps the number of processes',
        failedIn: [2],
        failedWithBurners: 1,
        durationsMs: [67],
        message: 'AssertionError: expected 0 to be 1',
      },
    ]);
    expect(flakyTests([run(1, 0, []), run(2, 2, [])])).toEqual([]);
  });

  it('alternates: odd runs without burners, even runs with them', () => {
    expect([1, 2, 3, 4].map((n) => burnersForRun(n, 2))).toEqual([0, 2, 0, 2]);
  });
});
