import { describe, expect, it } from 'vitest';
import { classifyRejection } from '../../grader/instructor/rejection.js';
import type { CheckResult, ExerciseResult, TestResult } from '../../grader/report/types.js';

function test(name: string, checks: CheckResult[]): TestResult {
  const passed = checks.every((c) => c.passed);
  return {
    name,
    status: passed ? 'passed' : 'failed',
    message: checks.find((c) => !c.passed)?.message ?? '',
    score: passed ? 1 : 0,
    maxScore: 1,
    hidden: false,
    checks,
    trials: 1,
    durationMs: 1,
  };
}

function exercise(tests: TestResult[], status: ExerciseResult['status'] = tests.every((t) => t.status === 'passed') ? 'passed' : 'failed'): ExerciseResult {
  return { slug: 's', title: 's', status, score: 0, maxScore: tests.length, tests, solutionDir: '/x', durationMs: 1 };
}

const expectation = { tests: ['a'], check: 'lines', message: 'UTC' };

describe('classifyRejection', () => {
  it('is intended when the named check fails with the named text', () => {
    const result = exercise([
      test('a', [
        { check: 'exit', passed: true, message: '' },
        { check: 'lines', passed: false, message: 'you printed the UTC date' },
      ]),
    ]);
    expect(classifyRejection(result, expectation)).toEqual({ rejection: 'intended', detail: '' });
  });

  it('is another check when a different kind failed, or the text is not in the message', () => {
    const byExit = exercise([test('a', [{ check: 'exit', passed: false, message: 'exit status 1' }])]);
    expect(classifyRejection(byExit, expectation)).toMatchObject({ rejection: 'other-check', detail: expect.stringContaining('[exit] exit status 1') });
    const noText = exercise([test('a', [{ check: 'lines', passed: false, message: 'line 1 differs' }])]);
    expect(classifyRejection(noText, expectation)).toMatchObject({ rejection: 'other-check', detail: expect.stringContaining('without the text "UTC"') });
  });

  it('is not rejected when every named test passed, and another check when the variant could not be graded', () => {
    expect(classifyRejection(exercise([test('a', [{ check: 'lines', passed: true, message: '' }])]), expectation).rejection).toBe('not-rejected');
    const broken = { ...exercise([], 'error'), message: 'does not compile' };
    expect(classifyRejection(broken, expectation)).toMatchObject({ rejection: 'other-check', detail: expect.stringContaining('does not compile') });
  });
});
