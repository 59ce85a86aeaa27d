// How a known-bad variant was rejected, compared with what its spec's mustReject entry says.
import type { ExerciseResult } from '../report/types.js';
import type { MustRejectSpec } from '../spec/types.js';

/** intended: by the named check with the named message; other-check: failed, but not so; not-rejected: passed. */
export type Rejection = 'intended' | 'other-check' | 'not-rejected';

export interface RejectionVerdict {
  rejection: Rejection;
  /** For instructors: what happened instead (empty when intended). */
  detail: string;
}

/** Classifies a variant's result (graded on the tests of `expectation`, or on all without one). */
export function classifyRejection(result: ExerciseResult, expectation: MustRejectSpec | undefined): RejectionVerdict {
  if (result.status === 'error' || result.status === 'missing') {
    return { rejection: 'other-check', detail: `it could not be graded: ${result.message ?? 'a test could not run'}` };
  }
  const failed = result.tests.filter((t) => t.status !== 'passed');
  if (failed.length === 0) {
    const names = expectation ? expectation.tests.map((t) => `"${t}"`).join(' and ') : 'every test';
    return { rejection: 'not-rejected', detail: `it passed ${names}` };
  }
  const failingChecks = failed.flatMap((t) => t.checks.filter((c) => !c.passed));
  const seen = failingChecks.map((c) => `[${c.check}] ${c.message}`).join(' | ') || failed.map((t) => t.message).join(' | ');
  if (expectation === undefined) return { rejection: 'other-check', detail: `no mustReject entry says how; it failed by ${seen}` };
  const byKind = failingChecks.filter((c) => c.check === expectation.check);
  if (byKind.length === 0) {
    return { rejection: 'other-check', detail: `expected a failing "${expectation.check}" check; it failed by ${seen}` };
  }
  const fragment = expectation.message;
  if (fragment !== undefined && !byKind.some((c) => c.message.includes(fragment))) {
    return {
      rejection: 'other-check',
      detail: `the "${expectation.check}" check failed without the text ${JSON.stringify(fragment)}: ${byKind.map((c) => c.message).join(' | ')}`,
    };
  }
  return { rejection: 'intended', detail: '' };
}
