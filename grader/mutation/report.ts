// How mutation results are shown: one exercise's survivors for the instructor who strengthens
// its spec, and the table of every exercise (console and docs/mutation.md).
import { shorten } from './instrument.js';
import { countOutcomes, SCORE_GOAL, type MutantOutcome, type MutationCounts, type MutationResult } from './results.js';

/** "solution.ts:12:5 EqualityOperator: `a > 2` -> `a >= 2`" */
export function describeMutant(mutant: MutantOutcome): string {
  return `${mutant.file}:${mutant.line}:${mutant.column} ${mutant.mutator}: \`${mutant.original}\` -> \`${shorten(mutant.replacement)}\``;
}

export function formatScore(score: number | undefined): string {
  return score === undefined ? '-' : `${score.toFixed(1)}%`;
}

/** The lines printed after an exercise's mutation run. */
export function exerciseReport(result: MutationResult): string {
  const counts = countOutcomes(result.mutants);
  const lines = [
    `${result.slug}: ${counts.mutants} mutants, ${counts.killed} killed, ${counts.timedOut} timed out, ${counts.survived} survived, ` +
      `${counts.equivalent} equivalent, ${counts.errors} errors: score ${formatScore(counts.score)} (${(result.durationMs / 1000).toFixed(0)} s)`,
  ];
  if (result.variable === 'hidden') lines.push('  (the active-mutant variable was hidden from the program: its output lists its own environment)');
  for (const entry of result.unmatchedEquivalents ?? []) lines.push(`  equivalents file: ${entry} names no mutant of the reference: remove or correct it`);
  for (const mutant of result.mutants) {
    if (mutant.status === 'survived') lines.push(`  survived ${describeMutant(mutant)}\n    passed: ${(mutant.passed ?? []).join('; ')}`);
    if (mutant.status === 'error') lines.push(`  error    ${describeMutant(mutant)}\n    ${mutant.reason ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface MutationRow {
  slug: string;
  counts: MutationCounts | undefined;
  /** The recorded run no longer matches the reference, spec or equivalents file. */
  stale: boolean;
}

const HEADERS = ['exercise', 'mutants', 'killed', 'timed out', 'survived', 'equivalent', 'errors', 'score', 'recorded run'];

function cells(row: MutationRow): string[] {
  const c = row.counts;
  if (c === undefined) return [row.slug, '-', '-', '-', '-', '-', '-', '-', 'none'];
  const verdict = c.score !== undefined && c.score >= SCORE_GOAL ? '' : ' (below goal)';
  return [
    row.slug,
    String(c.mutants),
    String(c.killed),
    String(c.timedOut),
    String(c.survived),
    String(c.equivalent),
    String(c.errors),
    `${formatScore(c.score)}${verdict}`,
    row.stale ? 'STALE' : 'current',
  ];
}

/** Plain-text table for the console. */
export function mutationTable(rows: readonly MutationRow[]): string {
  const all = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...all.map((r) => r[column]!.length)));
  const format = (r: string[]): string =>
    r
      .map((cell, column) => (column === 0 || column >= 7 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return `${[format(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => format(cells(r)))].join('\n')}\n`;
}

/** Markdown table for docs/mutation.md. */
export function mutationMarkdown(rows: readonly MutationRow[]): string {
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [line(HEADERS), line(HEADERS.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}
