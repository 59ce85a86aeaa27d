// Mutation testing over the catalog: `npm run check -- --mutate [SLUG...]` runs it exercise by
// exercise and records each result; `npm run check` reads the recorded results back.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TaskPool } from '../grade/pool.js';
import { mutateExercise, type MutationRunOptions } from './mutate-exercise.js';
import { mutatePythonExercise } from './mutate-python.js';
import { mutationMarkdown, type MutationRow } from './report.js';
import {
  countOutcomes,
  DEFAULT_MUTATION_LANGUAGE,
  mutationFingerprint,
  readResults,
  resultsFile,
  writeResults,
  type MutationLanguage,
  type MutationResult,
} from './results.js';

/** The recorded mutation result of each exercise in a language, and whether it is still current. */
export async function mutationRows(root: string, slugs: readonly string[], language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): Promise<MutationRow[]> {
  return Promise.all(
    [...slugs].sort().map(async (slug): Promise<MutationRow> => {
      const result = await readResults(root, slug, language).catch(() => undefined);
      if (result === undefined) return { slug, counts: undefined, stale: false };
      return { slug, counts: countOutcomes(result.mutants), stale: result.fingerprint !== (await mutationFingerprint(root, slug, language)) };
    }),
  );
}

export interface CatalogMutationOptions {
  root: string;
  slugs: readonly string[];
  jobs: number;
  /** Whose reference is mutated (default TypeScript's). */
  language?: MutationLanguage;
  onMutant?: MutationRunOptions['onMutant'];
  /** Told when an exercise's run ends (with its result) or cannot run (with why). */
  onExercise: (slug: string, outcome: { result: MutationResult } | { error: string }) => void;
}

/** Mutation-tests each exercise in turn (its tests `jobs` at once) and records each result. */
export async function mutateCatalog(options: CatalogMutationOptions): Promise<void> {
  const pool = new TaskPool(options.jobs);
  await mkdir(path.dirname(resultsFile(options.root, 'x')), { recursive: true });
  for (const slug of options.slugs) {
    try {
      const run = { root: options.root, slug, pool, ...(options.onMutant ? { onMutant: options.onMutant } : {}) };
      const result = options.language === 'python' ? await mutatePythonExercise(run) : await mutateExercise(run);
      await writeResults(options.root, result);
      options.onExercise(slug, { result });
    } catch (error) {
      options.onExercise(slug, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** The markers of a language's table: `<!-- mutation-table -->` (TypeScript), `<!-- mutation-table-python -->`. */
function tableMarkers(language: MutationLanguage): { start: string; end: string } {
  const name = language === DEFAULT_MUTATION_LANGUAGE ? 'mutation-table' : `mutation-table-${language}`;
  return { start: `<!-- ${name} -->`, end: `<!-- /${name} -->` };
}

/** The files that show TypeScript's mutation table between its markers (README.md's is the catalog's strength). */
export const MUTATION_TABLE_FILES = ['README.md', path.join('docs', 'mutation.md')];

/** The files that show a language's table: TypeScript's in both, another's in docs/mutation.md only. */
export function mutationTableFiles(language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): string[] {
  return language === DEFAULT_MUTATION_LANGUAGE ? MUTATION_TABLE_FILES : [path.join('docs', 'mutation.md')];
}

/** Rewrites a language's table between its markers from the recorded results; the files it rewrote. */
export async function updateMutationDoc(root: string, slugs: readonly string[], language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): Promise<string[]> {
  const table = mutationMarkdown(await mutationRows(root, slugs, language));
  const markers = tableMarkers(language);
  const updated: string[] = [];
  for (const name of mutationTableFiles(language)) {
    const file = path.join(root, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const start = text?.indexOf(markers.start) ?? -1;
    const end = text?.indexOf(markers.end) ?? -1;
    if (text === undefined || start < 0 || end < start) continue;
    await writeFile(file, `${text.slice(0, start + markers.start.length)}\n${table}\n${text.slice(end)}`);
    updated.push(name);
  }
  return updated;
}
