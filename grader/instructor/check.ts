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
}

/** Known-bad variant folders of an exercise: reference/SLUG/wrong/NAME/. */
export async function variantNames(root: string, slug: string): Promise<string[]> {
  const entries = await readdir(path.join(root, 'reference', slug, 'wrong'), { withFileTypes: true }).catch(() => []);
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
        ? await checkExercise(root, slug, pool, (message) => own.push({ slug, message }))
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

async function checkExercise(root: string, slug: string, pool: TaskPool, problem: (message: string) => void): Promise<ExerciseCheck> {
  let spec: ExerciseSpec;
  try {
    spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
  } catch (error) {
    const message = error instanceof SpecError ? `the spec is not valid:\n${error.message}` : `the spec could not be read: ${String(error)}`;
    const result = invalid(slug, [], message);
    problem(message);
    return result;
  }
  const referenceDir = path.join(root, 'reference', slug);
  const names = await variantNames(root, slug);
  for (const name of Object.keys(spec.mustReject)) {
    if (!names.includes(name)) problem(`mustReject names "${name}", but reference/${slug}/wrong/${name}/ does not exist`);
  }
  const referenceRun = existsSync(path.join(referenceDir, `${spec.entry}.ts`))
    ? gradeSolution(spec, referenceDir, { root, pool })
    : undefined;
  const variantRuns = names.map(async (name): Promise<VariantCheck> => {
    const expectation = spec.mustReject[name];
    const result = await gradeSolution(spec, path.join(referenceDir, 'wrong', name), {
      root,
      pool,
      ...(expectation ? { onlyTests: expectation.tests } : {}),
    });
    const verdict = classifyRejection(result, expectation);
    if (!expectation) problem(`reference/${slug}/wrong/${name}/ has no mustReject entry in specs/${slug}.yaml (${verdict.detail})`);
    else if (verdict.rejection !== 'intended') problem(`the known-bad variant "${name}" was not rejected as intended: ${verdict.detail}`);
    return { name, ...verdict };
  });
  let referencePassed = false;
  if (referenceRun === undefined) {
    problem(`there is no reference solution reference/${slug}/${spec.entry}.ts`);
  } else {
    const result = await referenceRun;
    referencePassed = result.status === 'passed';
    if (!referencePassed) problem(`the reference does not pass every test:\n${describeFailures(result)}`);
  }
  const variants = await Promise.all(variantRuns);
  const strength = strengthOf(variants);
  if (strength === 'weak') {
    problem(variants.length === 0 ? 'the spec is weak: it has no known-bad variants (reference/SLUG/wrong/NAME/)' : 'the spec is weak: every known-bad variant passes it');
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

/** specs/schema.json must be what the check kinds define (editors read it). */
async function staleSchema(root: string): Promise<CatalogProblem | undefined> {
  const wanted = schemaText();
  const current = await readFile(path.join(root, 'specs', 'schema.json'), 'utf8').catch(() => undefined);
  if (current === undefined) return { slug: 'specs', message: 'specs/schema.json is missing: run npm run schema' };
  if (current !== wanted) return { slug: 'specs', message: 'specs/schema.json is out of date: run npm run schema' };
  return undefined;
}
