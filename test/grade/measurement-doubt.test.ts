// A test whose checks leave the grader in doubt of its own measurement is run again, a bounded
// number of times; a doubt that stays is reported as the grader's error, never as a failure.
import { describe, expect, it } from 'vitest';
import { isMeasurementError, MEASUREMENT_ATTEMPTS, measurementError, shouldMeasureAgain } from '../../grader/grade/measurement-doubt.js';
import type { CheckResult } from '../../grader/report/types.js';

const passed: CheckResult = { check: 'exit', passed: true, message: 'ok' };
const doubted: CheckResult = { check: 'threads', passed: false, message: 'could not measure', doubt: 'no sample' };
const failed: CheckResult = { check: 'lines', passed: false, message: 'line 2 differs' };

describe('measuring a test again', () => {
  it('happens while a check doubts, up to the bound', () => {
    expect(MEASUREMENT_ATTEMPTS).toBeGreaterThan(1);
    for (let attempt = 1; attempt < MEASUREMENT_ATTEMPTS; attempt++) expect(shouldMeasureAgain([passed, doubted], attempt)).toBe(true);
    expect(shouldMeasureAgain([passed, doubted], MEASUREMENT_ATTEMPTS)).toBe(false);
  });

  it('happens beside a sure failure too (each check should measure its own), never when none doubted', () => {
    expect(shouldMeasureAgain([doubted, failed], 1)).toBe(true);
    expect(shouldMeasureAgain([passed, failed], 1)).toBe(false);
    expect(shouldMeasureAgain([passed], 1)).toBe(false);
  });

  it('ends in a message that gives the reason and clears the student', () => {
    expect(measurementError('no sample of the main process', 3)).toBe(
      'The grader could not measure this test (it ran it 3 times): no sample of the main process. This is not your fault and says nothing about your program; grade again, on a less busy machine if it persists.',
    );
  });

  it('is told apart from a failure and from an error of the program by its doubted check', () => {
    expect(isMeasurementError({ status: 'error', checks: [passed, doubted] })).toBe(true);
    expect(isMeasurementError({ status: 'failed', checks: [doubted, failed] })).toBe(false);
    expect(isMeasurementError({ status: 'error', checks: [] })).toBe(false);
  });
});
