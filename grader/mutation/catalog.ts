// Mutation testing over the catalog: `npm run check -- --mutate [SLUG...]` runs it exercise by
// exercise and records each result; `npm run check` reads the recorded results back.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TaskPool } from '../grade/pool.js';
import { mutateExercise, type MutationRunOptions } from './mutate-exercise.js';
import { mutationMarkdown, type MutationRow } from './report.js';
import { countOutcomes, mutationFingerprint, readResults, resultsFile, writeResults, type MutationResult } from './results.js';

/** The recorded mutation result of each exercise, and whether it is still current. */
export async function mutationRows(root: string, slugs: readonly string[]): Promise<MutationRow[]> {
  return Promise.all(
    [...slugs].sort().map(async (slug): Promise<MutationRow> => {
      const result = await readResults(root, slug).catch(() => undefined);
      if (result === undefined) return { slug, counts: undefined, stale: false };
      return { slug, counts: countOutcomes(result.mutants), stale: result.fingerprint !== (await mutationFingerprint(root, slug)) };
    }),
  );
}

export interface CatalogMutationOptions {
  root: string;
  slugs: readonly string[];
  jobs: number;
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
      const result = await mutateExercise({ root: options.root, slug, pool, ...(options.onMutant ? { onMutant: options.onMutant } : {}) });
      await writeResults(options.root, result);
      options.onExercise(slug, { result });
    } catch (error) {
      options.onExercise(slug, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

const TABLE_START = '<!-- mutation-table -->';
const TABLE_END = '<!-- /mutation-table -->';

/** The files that show the mutation table between the markers above. */
export const MUTATION_TABLE_FILES = ['README.md', path.join('docs', 'mutation.md')];

/** Rewrites the table between the markers of README.md and docs/mutation.md from the recorded results; the files it rewrote. */
export async function updateMutationDoc(root: string, slugs: readonly string[]): Promise<string[]> {
  const table = mutationMarkdown(await mutationRows(root, slugs));
  const updated: string[] = [];
  for (const name of MUTATION_TABLE_FILES) {
    const file = path.join(root, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const start = text?.indexOf(TABLE_START) ?? -1;
    const end = text?.indexOf(TABLE_END) ?? -1;
    if (text === undefined || start < 0 || end < start) continue;
    await writeFile(file, `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`);
    updated.push(name);
  }
  return updated;
}
