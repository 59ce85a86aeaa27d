import { describe, expect, it } from 'vitest';
import { namesMutant, parseEquivalents, unmatchedEquivalents } from '../../grader/mutation/equivalents.js';
import type { MutantSite } from '../../grader/mutation/instrument.js';
import { cappedTimeout, INSTRUMENTED_TIMEOUT_FACTOR, instrumentedTest } from '../../grader/mutation/mutate-exercise.js';
import { countOutcomes, type MutantOutcome } from '../../grader/mutation/results.js';
import type { TestSpec } from '../../grader/spec/types.js';

const site: MutantSite = { id: '4', file: 'solution.ts', line: 12, column: 5, mutator: 'EqualityOperator', original: 'a > 2', replacement: 'a >= 2' };

describe('equivalent mutants file', () => {
  it('reads entries and matches a mutant by file, line, mutator and replacement', () => {
    const [entry] = parseEquivalents('- at: solution.ts:12:5\n  mutator: EqualityOperator\n  replacement: a >= 2\n  reason: never 2\n', 'x.yaml');
    expect(entry).toEqual({ at: 'solution.ts:12:5', mutator: 'EqualityOperator', replacement: 'a >= 2', reason: 'never 2' });
    expect(namesMutant(entry!, site)).toBe(true);
    expect(namesMutant(entry!, { ...site, line: 13 })).toBe(false);
    expect(namesMutant(entry!, { ...site, replacement: 'a <= 2' })).toBe(false);
  });

  it('tells two alike mutants of one line apart by the column, and finds entries that name no mutant', () => {
    const [entry] = parseEquivalents('- at: solution.ts:12:5\n  mutator: EqualityOperator\n  replacement: a >= 2\n  reason: r\n', 'x.yaml');
    expect(namesMutant(entry!, { ...site, column: 9 })).toBe(false);
    expect(unmatchedEquivalents([entry!], [site])).toEqual([]);
    expect(unmatchedEquivalents([entry!], [{ ...site, column: 9 }])).toEqual([entry]);
  });

  it('is empty when the file is empty', () => {
    expect(parseEquivalents('', 'x.yaml')).toEqual([]);
  });

  it('names the entry and field at fault', () => {
    expect(() => parseEquivalents('- at: solution.ts:12:1\n  mutator: X\n  replacement: y\n', 'x.yaml')).toThrow(/x\.yaml: entry 1 needs a non-empty "reason"/);
    expect(() => parseEquivalents('- at: solution.ts:12\n  mutator: X\n  replacement: y\n  reason: z\n', 'x.yaml')).toThrow(/"at" must be FILE:LINE:COLUMN/);
    expect(() => parseEquivalents('- at: a.ts:1:1\n  mutator: X\n  replacement: y\n  reason: z\n  line: 3\n', 'x.yaml')).toThrow(/unknown field\(s\) line/);
    expect(() => parseEquivalents('at: a.ts:1:1\n', 'x.yaml')).toThrow(/expected a list/);
  });
});

describe('mutation score', () => {
  const outcome = (status: MutantOutcome['status']): MutantOutcome => ({ ...site, status });
  it('counts timed-out mutants as detected and leaves equivalent ones out', () => {
    const counts = countOutcomes([outcome('killed'), outcome('killed'), outcome('timed-out'), outcome('survived'), outcome('equivalent')]);
    expect(counts).toMatchObject({ mutants: 5, killed: 2, timedOut: 1, survived: 1, equivalent: 1, errors: 0 });
    expect(counts.score).toBe(75);
  });
  it('has no score when every mutant is equivalent', () => {
    expect(countOutcomes([outcome('equivalent')]).score).toBeUndefined();
  });
});

describe("a mutant test's timeout", () => {
  const test = { name: 't', timeoutMs: 20_000, trials: 1 } as TestSpec;
  it("is 3 x the reference's time per trial + 5 s when that is below the spec's", () => {
    expect(cappedTimeout(test, 1000).timeoutMs).toBe(8000);
    expect(cappedTimeout({ ...test, trials: 4 }, 4000).timeoutMs).toBe(8000);
  });
  it("stays the spec's when that is shorter, or when the reference was not timed", () => {
    expect(cappedTimeout(test, 6000).timeoutMs).toBe(20_000);
    expect(cappedTimeout(test, undefined)).toBe(test);
  });
  it("allows the slower instrumented build a multiple of the spec's timeout, then caps it", () => {
    const instrumented = instrumentedTest(test);
    expect(instrumented.timeoutMs).toBe(20_000 * INSTRUMENTED_TIMEOUT_FACTOR);
    expect(test.timeoutMs).toBe(20_000);
    expect(cappedTimeout(instrumented, 10_000).timeoutMs).toBe(35_000);
    expect(cappedTimeout(instrumented, 30_000).timeoutMs).toBe(instrumented.timeoutMs);
  });
});
