// A test with `generate`: N generated cases, each run by the program and by the reference on the
// same input and checked (a `reference` check compares the two). A failure is shrunk by
// fast-check to the smallest failing input it can find within a bounded number of further runs
// (each costs two program runs), and reported with that input and the seed that replays it.
import fc from 'fast-check';
import { caseArbitrary, type GeneratedValue } from '../generate/arbitraries.js';
import { describeCase, instantiate } from '../generate/instantiate.js';
import type { CheckResult } from '../report/types.js';
import type { TestSpec } from '../spec/types.js';

export const DEFAULT_CASES = 4;
export const DEFAULT_SHRINK_RUNS = 8;

/** What checking one case gave: the checks' results, or a problem of the reference's own run. */
export type CaseOutcome = { checks: CheckResult[] } | { referenceProblem: string };

/** The verdict of a generated test. */
export type GeneratedVerdict =
  | { status: 'passed'; cases: number }
  | { status: 'failed'; test: TestSpec; values: Record<string, GeneratedValue>; input: string; checks: CheckResult[]; casesRun: number }
  | { status: 'error'; message: string };

/** Runs the generated cases of `test` (it has a `generate` block) with fast-check, seeded by `seed`. */
export async function gradeGenerated(test: TestSpec, seed: number, checkCase: (test: TestSpec) => Promise<CaseOutcome>): Promise<GeneratedVerdict> {
  const generate = test.generate;
  if (generate === undefined) throw new Error(`test "${test.name}" has no generate block`);
  const cases = generate.cases ?? DEFAULT_CASES;
  let budget = cases + (generate.shrinkRuns ?? DEFAULT_SHRINK_RUNS);
  let casesRun = 0;
  let smallest: Extract<GeneratedVerdict, { status: 'failed' }> | undefined;
  let referenceProblem: string | undefined;
  const property = fc.asyncProperty(caseArbitrary(generate.values), async (values) => {
    // Out of runs (or the reference broke): keep the smallest failure found so far.
    if (budget <= 0 || referenceProblem !== undefined) return true;
    budget--;
    casesRun++;
    const concrete = instantiate(test, values);
    const outcome = await checkCase(concrete);
    if ('referenceProblem' in outcome) {
      referenceProblem = `${outcome.referenceProblem} (on the generated input ${describeCase(values)})`;
      return true;
    }
    // A check that doubts the grader's own measurement is no failure of the program.
    if (outcome.checks.every((check) => check.passed || check.doubt !== undefined)) return true;
    smallest = { status: 'failed', test: concrete, values, input: describeCase(values), checks: outcome.checks, casesRun: 0 };
    return false;
  });
  await fc.check(property, { numRuns: cases, seed });
  if (referenceProblem !== undefined) return { status: 'error', message: `the reference solution could not be run on a generated case: ${referenceProblem}` };
  if (smallest !== undefined) return { ...smallest, casesRun };
  return { status: 'passed', cases };
}

/** The failed checks of a generated case, each saying which input it failed on and how to replay it. */
export function withInput(verdict: Extract<GeneratedVerdict, { status: 'failed' }>, seed: number): CheckResult[] {
  const prefix = `On a generated input (the smallest failing one found in ${verdict.casesRun} runs; \`--seed ${seed}\` replays it): ${verdict.input}. `;
  return verdict.checks.map((check) => (check.passed ? check : { ...check, message: prefix + check.message }));
}
