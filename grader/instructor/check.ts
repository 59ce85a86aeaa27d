// `npm run check`: every spec valid, every reference passing, every known-bad variant rejected
// as its spec's mustReject says; and how strong each spec is.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { schemaText } from '../spec/schema-text.js';
import { listSpecSlugs } from '../grade/grade.js';
import { TaskPool } from '../grade/pool.js';
import { loadSpec } from '../spec/load.js';
import { SpecError } from '../spec/spec-error.js';
import type { ExerciseSpec } from '../spec/types.js';
import { describeFailures, gradeSolution } from './grade-solution.js';
import { classifyRejection, type Rejection } from './rejection.js';
import { LANGUAGES, type Language } from '../languages/index.js';

/** strong: every variant rejected as intended; weak: none rejected (or none exist); partial: between. */
export type Strength = 'strong' | 'partial' | 'weak' | 'invalid';

export interface VariantCheck {
  name: string;
  rejection: Rejection;
  detail: string;
}

export interface ExerciseCheck {
  slug: string;
  tests: number;
  hiddenTests: number;
  points: number;
  /** The reference passed every test (false also when the spec is invalid). */
  referencePassed: boolean;
  variants: VariantCheck[];
  strength: Strength;
}

export interface CatalogProblem {
  /** The exercise, or "specs" for the schema file. */
  slug: string;
  message: string;
}

export interface CatalogCheck {
  exercises: ExerciseCheck[];
  problems: CatalogProblem[];
  durationMs: number;
}

export interface CatalogCheckOptions {
  root: string;
  /** Only these exercises (default: every spec). */
  slugs?: string[];
  /** Tests run at once (default: the number of cores). */
  jobs?: number;
  /** Told as each exercise's check ends. */
  onExercise?: (exercise: ExerciseCheck, problems: CatalogProblem[]) => void;
  /** Only the references and variants of these languages (default: every language of grader/languages/). */
  languages?: string[];
}

/** Known-bad variant folders of an exercise: reference/SLUG/wrong/NAME/ (or reference/SLUG/FOLDER/wrong/NAME/, another language's). */
export async function variantNames(root: string, slug: string, folder = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, 'reference', slug, folder, 'wrong'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The strength of a spec from how its variants were rejected. */
export function strengthOf(variants: readonly VariantCheck[]): Strength {
  if (variants.every((v) => v.rejection === 'not-rejected')) return 'weak';
  return variants.every((v) => v.rejection === 'intended') ? 'strong' : 'partial';
}

/** Checks the catalog (or some exercises of it); never throws for a bad spec or solution. */
export async function checkCatalog(options: CatalogCheckOptions): Promise<CatalogCheck> {
  const started = Date.now();
  const root = path.resolve(options.root);
  const problems: CatalogProblem[] = [];
  const schemaProblem = await staleSchema(root);
  if (schemaProblem) problems.push(schemaProblem);
  const known = await listSpecSlugs(path.join(root, 'specs'));
  const chosen = options.slugs && options.slugs.length > 0 ? options.slugs : known;
  const pool = new TaskPool(Math.max(1, options.jobs ?? availableParallelism()));
  const exercises = await Promise.all(
    chosen.map(async (slug) => {
      const own: CatalogProblem[] = [];
      const exercise = known.includes(slug)
        ? await checkExercise(root, slug, pool, (message) => own.push({ slug, message }), options.languages)
        : invalid(slug, own, `there is no specs/${slug}.yaml`);
      problems.push(...own);
      options.onExercise?.(exercise, own);
      return exercise;
    }),
  );
  return { exercises, problems, durationMs: Date.now() - started };
}

function invalid(slug: string, problems: CatalogProblem[], message: string): ExerciseCheck {
  problems.push({ slug, message });
  return { slug, tests: 0, hiddenTests: 0, points: 0, referencePassed: false, variants: [], strength: 'invalid' };
}

async function checkExercise(
  root: string,
  slug: string,
  pool: TaskPool,
  problem: (message: string) => void,
  languages: readonly string[] = LANGUAGES.map((language) => language.name),
): Promise<ExerciseCheck> {
  let spec: ExerciseSpec;
  try {
    spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
  } catch (error) {
    const message = error instanceof SpecError ? `the spec is not valid:\n${error.message}` : `the spec could not be read: ${String(error)}`;
    const result = invalid(slug, [], message);
    problem(message);
    return result;
  }
  const checks = await Promise.all(
    LANGUAGES.map((language, index) => ({ language, folder: index === 0 ? '' : language.name }))
      .filter(({ language }) => languages.includes(language.name))
      .map(({ language, folder }) => checkLanguage({ root, spec, pool, problem, language, folder })),
  );
  const present = checks.filter((c) => c !== undefined);
  // Whether every mustReject entry has its variant can only be told when every language is checked.
  const everyLanguage = LANGUAGES.every((language) => languages.includes(language.name));
  for (const name of everyLanguage ? Object.keys(spec.mustReject) : []) {
    if (!present.some((c) => c.names.includes(name))) problem(`mustReject names "${name}", but ${variantFolder(slug, name)} does not exist`);
  }
  const referencePassed = (await Promise.all(present.map((c) => c.referencePassed))).every(Boolean);
  const variantRuns = present.flatMap((c) => c.variantRuns);
  const variants = await Promise.all(variantRuns);
  const strength = strengthOf(variants);
  if (strength === 'weak') {
    problem(
      variants.length === 0
        ? 'the spec is weak: it has no known-bad variants (reference/SLUG/wrong/NAME/)'
        : 'the spec is weak: every known-bad variant passes it',
    );
  }
  return {
    slug,
    tests: spec.tests.length,
    hiddenTests: spec.tests.filter((t) => t.hidden).length,
    points: spec.tests.reduce((sum, t) => sum + t.points, 0),
    referencePassed,
    variants,
    strength,
  };
}

/** Where a mustReject key's variant is: NAME in reference/SLUG/wrong/, LANGUAGE/NAME in reference/SLUG/LANGUAGE/wrong/. */
function variantFolder(slug: string, key: string): string {
  const [language, name] = key.includes('/') ? key.split('/', 2) : [undefined, key];
  return language === undefined ? `reference/${slug}/wrong/${name}/` : `reference/${slug}/${language}/wrong/${name}/`;
}

/** One language's reference and known-bad variants of an exercise (undefined: the language has none here). */
async function checkLanguage(options: {
  root: string;
  spec: ExerciseSpec;
  pool: TaskPool;
  problem: (message: string) => void;
  language: Language;
  /** '' for the catalog's first language (reference/SLUG/), else its name (reference/SLUG/python/). */
  folder: string;
}): Promise<{ names: string[]; referencePassed: Promise<boolean>; variantRuns: Array<Promise<VariantCheck>> } | undefined> {
  const { root, spec, pool, problem, language, folder } = options;
  const slug = spec.slug;
  const shown = folder === '' ? `reference/${slug}` : `reference/${slug}/${folder}`;
  const referenceDir = path.join(root, shown);
  const entryFile = `${spec.entry}${language.extension}`;
  const hasReference = existsSync(path.join(referenceDir, entryFile));
  // Another language's folder that is not there: that language has no reference of this exercise yet.
  if (folder !== '' && !existsSync(referenceDir)) return undefined;
  const names = (await variantNames(root, slug, folder)).map((name) => (folder === '' ? name : `${folder}/${name}`));
  const gradeAs = { root, pool, language: language.name };
  const referencePassed = (async (): Promise<boolean> => {
    if (!hasReference) {
      problem(`there is no reference solution ${shown}/${entryFile}`);
      return false;
    }
    const result = await gradeSolution(spec, referenceDir, gradeAs);
    const which = folder === '' ? 'the reference' : `the ${language.label} reference`;
    if (result.status !== 'passed') problem(`${which} does not pass every test:\n${describeFailures(result)}`);
    return result.status === 'passed';
  })();
  const variantRuns = names.map(async (key): Promise<VariantCheck> => {
    const name = key.slice(key.indexOf('/') + 1);
    // A language's own expectation (python/NAME) first, else the one of the name (NAME).
    const expectation = spec.mustReject[key] ?? spec.mustReject[name];
    const result = await gradeSolution(spec, path.join(referenceDir, 'wrong', name), { ...gradeAs, ...(expectation ? { onlyTests: expectation.tests } : {}) });
    const verdict = classifyRejection(result, expectation);
    if (!expectation) problem(`${shown}/wrong/${name}/ has no mustReject entry in specs/${slug}.yaml (${verdict.detail})`);
    else if (verdict.rejection !== 'intended') problem(`the known-bad variant "${key}" was not rejected as intended: ${verdict.detail}`);
    return { name: key, ...verdict };
  });
  return { names, referencePassed, variantRuns };
}

/** specs/schema.json must be what the check kinds define (editors read it). */
async function staleSchema(root: string): Promise<CatalogProblem | undefined> {
  const wanted = schemaText();
  const current = await readFile(path.join(root, 'specs', 'schema.json'), 'utf8').catch(() => undefined);
  if (current === undefined) return { slug: 'specs', message: 'specs/schema.json is missing: run npm run schema' };
  if (current !== wanted) return { slug: 'specs', message: 'specs/schema.json is out of date: run npm run schema' };
  return undefined;
}
