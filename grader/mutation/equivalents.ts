// Equivalent mutants: mutants of a reference that behave as a correct program may, so that no
// spec should kill them. Recorded by hand in specs/mutation/SLUG.equivalent.yaml, each with a
// one-line reason:
//
//   - at: solution.ts:12:7
//     mutator: StringLiteral
//     replacement: '""'
//     reason: the label is printed only when the list is empty, which no input of the catalog makes
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { MutantSite } from './instrument.js';

export interface EquivalentMutant {
  /** "FILE:LINE:COLUMN" in reference/SLUG/, as the survivor's report names it (one line may hold two alike mutants). */
  at: string;
  mutator: string;
  replacement: string;
  reason: string;
}

const FIELDS = ['at', 'mutator', 'replacement', 'reason'] as const;

/** Parses an equivalents file's text; throws an Error naming the entry and field at fault. */
export function parseEquivalents(text: string, file: string): EquivalentMutant[] {
  const data: unknown = parse(text);
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of equivalent mutants`);
  return data.map((entry: unknown, index): EquivalentMutant => {
    if (typeof entry !== 'object' || entry === null) throw new Error(`${file}: entry ${index + 1} is not a mapping`);
    const record = entry as Record<string, unknown>;
    for (const field of FIELDS) {
      if (typeof record[field] !== 'string' || record[field].trim() === '') {
        throw new Error(`${file}: entry ${index + 1} needs a non-empty "${field}" (the fields are ${FIELDS.join(', ')})`);
      }
    }
    if (!/^[^:]+:\d+:\d+$/.test(record.at as string)) throw new Error(`${file}: entry ${index + 1}: "at" must be FILE:LINE:COLUMN, not "${String(record.at)}"`);
    const extra = Object.keys(record).filter((k) => !(FIELDS as readonly string[]).includes(k));
    if (extra.length > 0) throw new Error(`${file}: entry ${index + 1} has unknown field(s) ${extra.join(', ')}`);
    return { at: record.at as string, mutator: record.mutator as string, replacement: record.replacement as string, reason: record.reason as string };
  });
}

/** The equivalents file of an exercise, or none when it does not exist. */
export async function loadEquivalents(file: string): Promise<EquivalentMutant[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? [] : parseEquivalents(text, file);
}

/** Whether an entry names this mutant: same place, same mutator and replacement. */
export function namesMutant(entry: EquivalentMutant, mutant: MutantSite): boolean {
  return entry.at === `${mutant.file}:${mutant.line}:${mutant.column}` && entry.mutator === mutant.mutator && entry.replacement === mutant.replacement;
}

/** The entries that name no mutant of the reference (it changed since they were written). */
export function unmatchedEquivalents(entries: readonly EquivalentMutant[], mutants: readonly MutantSite[]): EquivalentMutant[] {
  return entries.filter((entry) => !mutants.some((mutant) => namesMutant(entry, mutant)));
}
