// Small readings of the evidence that several pitfalls share.
import type { ProgramRun } from '../run/types.js';
import type { PitfallEvidence } from './types.js';

/** Check kinds that read the program's output (not its exit status, ending or timing). */
const NOT_ABOUT_OUTPUT = new Set(['exit', 'ending', 'elapsed']);

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
  return evidence.failed.some((c) => !c.passed && !NOT_ABOUT_OUTPUT.has(c.check));
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
 * How many lines the failed output checks wanted, where a check says so exactly (`lines` in
 * exact or unordered mode); undefined when none does.
 */
export function expectedLineCount(evidence: PitfallEvidence): number | undefined {
  const failedKinds = new Set(evidence.failed.filter((c) => !c.passed).map((c) => c.check));
  const counts = evidence.test.checks
    .filter((c) => c.check === 'lines' && failedKinds.has('lines') && (c.mode === undefined || c.mode === 'exact' || c.mode === 'unordered'))
    .map((c) => (Array.isArray(c.expect) ? c.expect.length : 0));
  // A `records` check says it by its counts or the combinations it wants exactly once, a `trace`
  // by its pairs (one open and one close line per key); passing or not, they pin the number.
  for (const c of evidence.test.checks) {
    if ((c.check !== 'records' && c.check !== 'trace') || c.mode === 'contains') continue;
    const once = Array.isArray(c.exactlyOnce) ? (c.exactlyOnce as Array<{ fields: Record<string, [number, number]> }>) : [];
    const combinations = once.map((e) => Object.values(e.fields).reduce((n, [min, max]) => n * (max - min + 1), 1));
    const counted = Object.values((c.count ?? {}) as Record<string, number>).reduce((n, k) => n + k, 0);
    const keys = (c.pairs as { keys?: [number, number] } | undefined)?.keys;
    const paired = keys === undefined ? 0 : 2 * (keys[1] - keys[0] + 1);
    const wanted = Math.max(counted, paired, ...combinations);
    if (wanted > 0) counts.push(wanted);
  }
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
