// The table `npm run check` prints: one row per exercise, how its spec fares against its known-bad
// variants (its strength proper is the mutation score, printed below it: grader/mutation/).
import type { CatalogCheck, ExerciseCheck } from './check.js';

const HEADERS = ['exercise', 'tests', 'hidden', 'points', 'reference', 'variants', 'intended', 'other check', 'NOT rejected', 'by variants'];

function row(exercise: ExerciseCheck): string[] {
  const count = (rejection: string): string => String(exercise.variants.filter((v) => v.rejection === rejection).length);
  if (exercise.strength === 'invalid') return [exercise.slug, '-', '-', '-', '-', '-', '-', '-', '-', 'invalid'];
  return [
    exercise.slug,
    String(exercise.tests),
    String(exercise.hiddenTests),
    String(exercise.points),
    exercise.referencePassed ? 'passes' : 'FAILS',
    String(exercise.variants.length),
    count('intended'),
    count('other-check'),
    count('not-rejected'),
    exercise.strength,
  ];
}

/** The strength table as plain text, exercises sorted by slug. */
export function strengthTable(check: CatalogCheck): string {
  const rows = [HEADERS, ...[...check.exercises].sort((a, b) => a.slug.localeCompare(b.slug)).map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  const format = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 || column === 4 || column === 9 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return `${[format(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(format)].join('\n')}\n`;
}
