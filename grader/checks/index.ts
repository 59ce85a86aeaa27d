// The registry of check kinds, and `runCheck`, which applies one check of a spec to a run.

import type { CheckSpec } from '../spec/types.js';
import type { CheckContext, CheckKind, CheckOutcome, GradedPromise, KindNeeds } from './types.js';
import { escapeForDisplay } from './display.js';
import { elapsedCheck } from './elapsed.js';
import { exitCheck } from './exit.js';
import { linesCheck } from './lines.js';
import { matchCheck } from './match.js';
import { numberCheck } from './number.js';
import { outputCheck } from './output.js';
import { referenceCheck } from './reference.js';
import { bytesCheck } from './bytes.js';
import { filesCheck } from './files.js';
import { framingCheck } from './framing.js';
import { intervalsCheck } from './intervals.js';
import { sameAcrossSplitsCheck } from './same-across-splits.js';
import { recordsCheck } from './records.js';
import { traceCheck } from './trace.js';
import { processesCheck } from './processes.js';
import { threadsCheck } from './threads.js';
import { cpuCheck } from './cpu.js';
import { timingCheck } from './timing.js';

const allKinds: ReadonlyArray<CheckKind> = [
  exitCheck,
  outputCheck,
  linesCheck,
  matchCheck,
  numberCheck,
  elapsedCheck,
  referenceCheck,
  // pipes, framing, the file system
  framingCheck,
  intervalsCheck,
  bytesCheck,
  sameAcrossSplitsCheck,
  filesCheck,
  // processes, threads, races
  recordsCheck,
  traceCheck,
  processesCheck,
  threadsCheck,
  cpuCheck,
  // when lines arrive
  timingCheck,
];

/** Every check kind, by name. */
export const checkKinds: ReadonlyMap<string, CheckKind> = new Map(allKinds.map((kind) => [kind.name, kind]));

/** What the kind of a check needs besides the run (nothing for an unknown kind). */
export function needsOf(spec: { check: string }): KindNeeds {
  return checkKinds.get(spec.check)?.needs ?? {};
}

/** The statement's promises that a check grades (none for an unknown kind). */
export function promisesGradedBy(spec: CheckSpec): GradedPromise[] {
  return checkKinds.get(spec.check)?.promisesGraded?.(spec) ?? [];
}

/** Whether any check of the list needs this (e.g. the reference run). */
export function anyNeeds(checks: ReadonlyArray<{ check: string }>, need: keyof KindNeeds): boolean {
  return checks.some((spec) => needsOf(spec)[need] === true);
}

/** Every check kind, in a stable order (for the spec schema). */
export function checkKindList(): Array<CheckKind> {
  return [...allKinds];
}

/**
 * Applies one check of a spec: picks its kind and the run of `spec.process` (default main),
 * and puts the spec's hint in place of the kind's own on failure. Never throws: a check that
 * breaks becomes a failed outcome saying so.
 */
export function runCheck(spec: CheckSpec, context: CheckContext): CheckOutcome {
  const kind = checkKinds.get(spec.check);
  if (kind === undefined) {
    return brokenCheck(spec, `the spec names an unknown check kind (known: ${[...checkKinds.keys()].join(', ')})`);
  }
  const processName = spec.process ?? 'main';
  const run = processName === 'main' ? context.run : context.runs[processName];
  if (run === undefined) return brokenCheck(spec, `the spec names a process \`${processName}\` that this test does not start`);
  let outcome: CheckOutcome;
  try {
    outcome = kind.run(spec, { ...context, run });
  } catch (error) {
    return brokenCheck(spec, error instanceof Error ? error.message : String(error));
  }
  // A doubt is the grader's, not the program's: no hint for the student.
  if (!outcome.passed && outcome.doubt === undefined && spec.hint !== undefined) return { ...outcome, hint: spec.hint };
  if (outcome.passed && outcome.hint !== undefined) {
    const { hint: _unused, ...withoutHint } = outcome;
    return withoutHint;
  }
  return outcome;
}

function brokenCheck(spec: CheckSpec, reason: string): CheckOutcome {
  return {
    passed: false,
    message: `The check \`${escapeForDisplay(spec.check, { quote: false })}\` itself broke, so this could not be graded: ${escapeForDisplay(reason, { quote: false, maxChars: 500 })}. This is a problem of the grader or the spec, not of your program; tell your instructor.`,
  };
}

// The pieces other parts of the grader use (interactive `expect` steps match templates too).
export { escapeForDisplay } from './display.js';
export { normaliseText, splitLines } from './normalise.js';
export { unifiedDiff } from './diff.js';
export * from './template.js';
export { matchContains, matchExact, matchUnordered, type Assignment, type SequenceFailure, type SequenceMatch } from './line-matching.js';
