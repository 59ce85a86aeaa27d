// The reliability script's bookkeeping: which reference tests that did not pass are false
// failures, and which the grader's own doubt (its error after its retries, "not your fault").
import { describe, expect, it } from 'vitest';
import { referenceOutcomes } from '../../grader/bench/reliability.js';
import { measurementError } from '../../grader/grade/measurement-doubt.js';
import type { ExerciseResult, GradeSummary, TestResult } from '../../grader/report/types.js';

function test(name: string, status: TestResult['status'], checks: TestResult['checks'] = [], message = ''): TestResult {
  return { name, status, message, score: 0, maxScore: 2, hidden: false, checks, trials: 1, durationMs: 10 };
}

function exercise(slug: string, tests: TestResult[], extra: Partial<ExerciseResult> = {}): ExerciseResult {
  return { slug, title: slug, status: 'passed', score: 0, maxScore: 2 * tests.length, tests, solutionDir: `reference/${slug}`, durationMs: 10, ...extra };
}

function summary(exercises: ExerciseResult[]): GradeSummary {
  return { score: 0, maxScore: 0, exercises, sandbox: { tier: 'bubblewrap', reason: '', guarantees: [], missing: [] }, durationMs: 10 };
}

describe('the outcomes of one reliability run', () => {
  it("counts a failure and an error that is not the grader's doubt as false failures, and its doubt apart", () => {
    const doubt = 'the grader itself was held up 900 ms in all while it played the test';
    const outcomes = referenceOutcomes(
      summary([
        exercise('signals', [
          test('counts each SIGUSR1', 'error', [{ check: 'ending', passed: false, message: '', doubt }], measurementError(doubt, 3)),
          test('SIGINT is answered', 'failed', [{ check: 'lines', passed: false, message: 'line 2 differs' }], 'line 2 differs'),
          test('ends within 500 ms', 'passed'),
          test('crashed grader', 'error', [], 'The grader could not run this test: boom'),
        ]),
        exercise('env-list', [], { status: 'error', message: 'could not build' }),
      ]),
      4,
    );
    expect(outcomes.doubts).toEqual([{ run: 4, slug: 'signals', test: 'counts each SIGUSR1', status: 'error', message: measurementError(doubt, 3) }]);
    expect(outcomes.failures.map((f) => `${f.slug} › ${f.test} (${f.status})`)).toEqual([
      'signals › SIGINT is answered (failed)',
      'signals › crashed grader (error)',
      'env-list › (whole exercise) (error)',
    ]);
  });

  it('has nothing to report when every test passed', () => {
    expect(referenceOutcomes(summary([exercise('env-list', [test('prints', 'passed')])]), 1)).toEqual({ failures: [], doubts: [] });
  });
});
