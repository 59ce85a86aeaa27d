// Small readings of the evidence that several pitfalls share.
import { checkKinds } from '../checks/index.js';
import type { ProgramRun } from '../run/types.js';
import type { PitfallEvidence } from './types.js';

/** Does a failed check read the program's output? Its kind says; the grader's own `ending` verdict does not. */
function readsOutput(check: string): boolean {
  return check !== 'ending' && checkKinds.get(check)?.readsOutput !== false;
}

/** Every source file's code, comments removed (cheaply: good enough to look for a call). */
export function code(evidence: PitfallEvidence): string {
  return Object.values(evidence.sources)
    .map((text) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1'))
    .join('\n');
}

/** Whether the code calls something, e.g. calls(e, /process\.exit\s*\(/). */
export function calls(evidence: PitfallEvidence, pattern: RegExp): boolean {
  return pattern.test(code(evidence));
}

/** A check that reads the output failed. */
export function outputFailed(evidence: PitfallEvidence): boolean {
  return evidence.failed.some((c) => !c.passed && readsOutput(c.check));
}

/** Every run of the test (main first). */
export function allRuns(evidence: PitfallEvidence): ProgramRun[] {
  return Object.values(evidence.runs);
}

/** Standard error of every process, together. */
export function allStderr(evidence: PitfallEvidence): string {
  return allRuns(evidence)
    .map((run) => run.stderr)
    .join('\n');
}

/** Non-empty lines of a text. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/**
 * How many lines the checks wanted, where a check's kind pins the number (`lines` in exact or
 * unordered mode when it failed; `records` and `trace` by their counts); undefined when none does.
 */
export function expectedLineCount(evidence: PitfallEvidence): number | undefined {
  const failedKinds = new Set(evidence.failed.filter((c) => !c.passed).map((c) => c.check));
  const counts = evidence.test.checks
    .map((c) => checkKinds.get(c.check)?.expectedLineCount?.(c, failedKinds.has(c.check)))
    .filter((n): n is number => n !== undefined);
  return counts.length > 0 ? Math.max(...counts) : undefined;
}

/** Fewer lines came than a failed check wanted (true too when that cannot be told). */
export function linesMissing(evidence: PitfallEvidence, run: ProgramRun): boolean {
  const wanted = expectedLineCount(evidence);
  return wanted === undefined || linesOf(run.stdout).length < wanted;
}

/** The value of a command-line option in the test's arguments (`--name V` or `--name=V`). */
export function optionValue(args: readonly string[], name: string): string | undefined {
  for (const [index, arg] of args.entries()) {
    if (arg === name) return args[index + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
