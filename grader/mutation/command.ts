// The mutation parts of `npm run check`: `--mutate` runs and records, plain check summarises.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { listSpecSlugs } from '../grade/grade.js';
import type { CatalogProblem } from '../instructor/check.js';
import { UsageError } from '../util/usage-error.js';
import { mutateCatalog, mutationRows, updateMutationDoc } from './catalog.js';
import { describeMutant, exerciseReport, formatScore, mutationTable } from './report.js';
import { DEFAULT_MUTATION_LANGUAGE, referenceFolder, SCORE_GOAL, type MutationLanguage } from './results.js';

export interface MutateCommandOptions {
  root: string;
  slugs: readonly string[];
  jobs?: number;
  /** Whose references are mutated: TypeScript's (default) or Python's (reference/SLUG/python/). */
  language?: MutationLanguage;
  write: (text: string) => void;
}

/** The exercises of `slugs` that have a reference in `language` (TypeScript's are every exercise's). */
export function slugsWithReference(root: string, slugs: readonly string[], language: MutationLanguage): string[] {
  if (language === DEFAULT_MUTATION_LANGUAGE) return [...slugs];
  return slugs.filter((slug) => existsSync(path.join(referenceFolder(root, slug, language), 'solution.py')));
}

/** `npm run check -- --mutate [SLUG...] [--language python]`: exit 0 when every exercise ran, 1 when one could not. */
export async function mutateCommand(options: MutateCommandOptions): Promise<number> {
  const { root, write } = options;
  const language = options.language ?? DEFAULT_MUTATION_LANGUAGE;
  const specs = await listSpecSlugs(path.join(root, 'specs'));
  const unknown = options.slugs.filter((s) => !specs.includes(s));
  if (unknown.length > 0) throw new UsageError(`no spec for ${unknown.join(', ')} (known: ${specs.join(', ')})`);
  const known = slugsWithReference(root, specs, language);
  const slugs = options.slugs.length > 0 ? options.slugs : known;
  const jobs = options.jobs ?? availableParallelism();
  const started = Date.now();
  let failures = 0;
  const of = language === DEFAULT_MUTATION_LANGUAGE ? '' : ` (the ${language} references)`;
  write(`Mutation testing ${slugs.length} exercise${slugs.length === 1 ? '' : 's'}${of}, ${jobs} test${jobs === 1 ? '' : 's'} at once.\n`);
  await mutateCatalog({
    root,
    slugs,
    jobs,
    language,
    onMutant: (outcome, done, total) => {
      if (outcome.status === 'survived') write(`  [${done}/${total}] survived ${describeMutant(outcome)}\n`);
    },
    onExercise: (slug, outcome) => {
      if ('error' in outcome) {
        failures++;
        write(`${slug}: could not be mutation-tested: ${outcome.error}\n`);
      } else {
        write(exerciseReport(outcome.result));
      }
    },
  });
  const updated = await updateMutationDoc(root, known, language);
  write(`\n${mutationTable(await mutationRows(root, slugs, language))}`);
  write(
    `${updated.length > 0 ? `${updated.join(' and ')} updated. ` : ''}Mutation run of ${slugs.length} exercise(s): ${((Date.now() - started) / 1000).toFixed(0)} s.\n`,
  );
  return failures === 0 ? 0 : 1;
}

/**
 * The mutation table of plain `npm run check`, from the recorded runs, and its problems: a score
 * below the goal, a recorded run that no longer matches the reference, spec or equivalents file
 * (its score says nothing about the spec as it is), an exercise never mutation-tested. Each one
 * fails the check, like a variant that is not rejected: the table is only worth its freshness.
 */
export async function mutationSummary(root: string, slugs: readonly string[]): Promise<{ text: string; problems: CatalogProblem[] }> {
  const rows = await mutationRows(root, slugs);
  const below = rows.filter((r) => r.counts !== undefined && !r.stale && (r.counts.score ?? 0) < SCORE_GOAL).map((r) => r.slug);
  const stale = rows.filter((r) => r.stale).map((r) => r.slug);
  const missing = rows.filter((r) => r.counts === undefined).map((r) => r.slug);
  const notes = [
    `Mutation score: the share of the reference's non-equivalent mutants that the spec rejects (goal ${SCORE_GOAL}%), from the last recorded run.`,
    ...(below.length > 0 ? [`Below the goal: ${below.join(', ')}.`] : []),
    ...(stale.length > 0
      ? [`Stale (reference, spec or equivalents changed since the run): ${stale.join(', ')}: npm run check -- --mutate ${stale.join(' ')}`]
      : []),
    ...(missing.length > 0 ? [`Never mutation-tested: ${missing.join(', ')}.`] : []),
  ];
  const rerun = (slug: string): string => `npm run check -- --mutate ${slug}, then commit specs/mutation/${slug}.results.json`;
  const problems: CatalogProblem[] = [
    ...rows
      .filter((r) => below.includes(r.slug))
      .map((r) => ({
        slug: r.slug,
        message: `mutation score ${formatScore(r.counts?.score)} is below the goal of ${SCORE_GOAL}%: strengthen the spec against the surviving mutants or record the equivalent ones (docs/mutation.md)`,
      })),
    ...stale.map((slug) => ({ slug, message: `the recorded mutation run no longer matches the reference, spec or equivalents file: ${rerun(slug)}` })),
    ...missing.map((slug) => ({ slug, message: `never mutation-tested: ${rerun(slug)}` })),
  ];
  return { text: `${mutationTable(rows)}${notes.join('\n')}\n`, problems };
}

/**
 * The Python references' mutation table for plain `npm run check`, from their recorded runs
 * (specs/mutation/SLUG.python.results.json). Reported, not gated: no score, stale run or missing
 * run of a Python reference is a problem of the check (docs/mutation.md says why).
 */
export async function pythonMutationSummary(root: string, slugs: readonly string[]): Promise<string> {
  const rows = (await mutationRows(root, slugsWithReference(root, slugs, 'python'), 'python')).filter((r) => r.counts !== undefined);
  if (rows.length === 0) return '';
  const below = rows.filter((r) => !r.stale && (r.counts?.score ?? 0) < SCORE_GOAL).map((r) => r.slug);
  const stale = rows.filter((r) => r.stale).map((r) => r.slug);
  const notes = [
    `Mutation score of the Python references (reported, not gated), from the last recorded run of each that has one.`,
    ...(below.length > 0 ? [`Below the goal of ${SCORE_GOAL}%: ${below.join(', ')}.`] : []),
    ...(stale.length > 0 ? [`Stale: ${stale.join(', ')}: npm run check -- --mutate ${stale.join(' ')} --language python`] : []),
  ];
  return `${mutationTable(rows)}${notes.join('\n')}\n`;
}
