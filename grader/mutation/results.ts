// The recorded outcome of an exercise's last mutation run: specs/mutation/SLUG.results.json,
// committed, so that `npm run check` reports the mutation score without mutating on every check.
// Its fingerprint (reference sources, spec without its advisory text, equivalents file,
// instrumenter version) tells when it no longer describes the current files: then check calls it stale.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import type { MutantSite, VariableMode } from './instrument.js';
import { sourceFiles } from './instrument.js';
import { PYTHON_MUTATOR, pythonSourceFiles } from './python-mutants.js';

/** killed: some test failed; timed-out: a test's run did not end in time (also detected). */
export type MutantStatus = 'killed' | 'timed-out' | 'survived' | 'equivalent' | 'error';

export interface MutantOutcome extends MutantSite {
  status: MutantStatus;
  /** killed / timed-out: the test that failed. */
  killedBy?: string;
  /** survived: every test it passed; equivalent: the recorded reason; error: what went wrong. */
  passed?: string[];
  reason?: string;
}

export interface MutationResult {
  slug: string;
  /** The reference's language when it is not TypeScript (TypeScript's results have no such field). */
  language?: MutationLanguage;
  fingerprint: string;
  /** When the run ended (ISO), and how long it took. */
  ranAt: string;
  durationMs: number;
  variable: VariableMode;
  mutants: MutantOutcome[];
  /** Entries of the equivalents file that name no mutant (the reference changed since). */
  unmatchedEquivalents?: string[];
}

export interface MutationCounts {
  mutants: number;
  killed: number;
  timedOut: number;
  survived: number;
  equivalent: number;
  errors: number;
  /** (killed + timed out) / (mutants - equivalent), in percent; undefined when nothing to score. */
  score: number | undefined;
}

/** Score goal: at least this percentage of non-equivalent mutants detected. */
export const SCORE_GOAL = 95;

export function countOutcomes(mutants: readonly MutantOutcome[]): MutationCounts {
  const count = (status: MutantStatus): number => mutants.filter((m) => m.status === status).length;
  const killed = count('killed');
  const timedOut = count('timed-out');
  const equivalent = count('equivalent');
  const scored = mutants.length - equivalent;
  return {
    mutants: mutants.length,
    killed,
    timedOut,
    survived: count('survived'),
    equivalent,
    errors: count('error'),
    score: scored === 0 ? undefined : (100 * (killed + timedOut)) / scored,
  };
}

/** The mutation-tested language of an exercise: TypeScript (reference/SLUG/*.ts) or another's reference/SLUG/LANGUAGE/. */
export type MutationLanguage = 'typescript' | 'python';

export const DEFAULT_MUTATION_LANGUAGE: MutationLanguage = 'typescript';

/** "" for TypeScript (the files as they always were), ".python" for Python. */
function languageInfix(language: MutationLanguage): string {
  return language === DEFAULT_MUTATION_LANGUAGE ? '' : `.${language}`;
}

export function resultsFile(root: string, slug: string, language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): string {
  return path.join(root, 'specs', 'mutation', `${slug}${languageInfix(language)}.results.json`);
}

export function equivalentsFile(root: string, slug: string, language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): string {
  return path.join(root, 'specs', 'mutation', `${slug}${languageInfix(language)}.equivalent.yaml`);
}

/** The folder of an exercise's reference in a language: reference/SLUG/ (TypeScript) or reference/SLUG/LANGUAGE/. */
export function referenceFolder(root: string, slug: string, language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): string {
  return language === DEFAULT_MUTATION_LANGUAGE ? path.join(root, 'reference', slug) : path.join(root, 'reference', slug, language);
}

/**
 * Hash of everything a mutation run's outcome depends on besides the grader itself: the mutant
 * maker (Stryker's instrumenter version; the Python mutator script's content), the reference's
 * sources, the spec, the equivalents file. TypeScript's is computed as it always was.
 */
export async function mutationFingerprint(root: string, slug: string, language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): Promise<string> {
  const hash = createHash('sha256');
  const python = language === 'python';
  hash.update(python ? `python mutator ${await pythonMutatorVersion()}\n` : `instrumenter ${instrumenterVersion()}\n`);
  const referenceDir = referenceFolder(root, slug, language);
  const names = python ? await pythonSourceFiles(referenceDir).catch(() => []) : await sourceFiles(referenceDir).catch(() => []);
  for (const name of names) {
    hash.update(`reference/${python ? 'python/' : ''}${name}\n`).update(await readFile(path.join(referenceDir, name)));
  }
  const spec = await readFile(path.join(root, 'specs', `${slug}.yaml`), 'utf8').catch(() => undefined);
  hash.update(`specs/${slug}.yaml\n`).update(spec === undefined ? '(none)' : verdictRelevantSpec(spec));
  const equivalents = equivalentsFile(root, slug, language);
  hash.update(`${path.relative(root, equivalents)}\n`).update((await readFile(equivalents).catch(() => undefined)) ?? '(none)');
  return hash.digest('hex').slice(0, 16);
}

/** The Python mutator's version: a hash of its script (a new mutator makes every Python run stale). */
async function pythonMutatorVersion(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(PYTHON_MUTATOR))
    .digest('hex')
    .slice(0, 12);
}

/** Keys of a spec, at any depth, that only explain (to the student or the reader): the texts shown. */
const ADVISORY_KEYS = new Set(['title', 'hint', 'onStall']);

/**
 * The part of a spec that can change which mutants it kills: the parsed spec without the texts
 * shown (titles, hints, stall messages; nor comments or layout), and without mustReject (how the known-bad variants fail: the
 * mutation run grades only the tests), so that rewording a hint leaves the recorded run current.
 * Text that does not parse is taken as it is.
 */
export function verdictRelevantSpec(text: string): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !ADVISORY_KEYS.has(key))
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  try {
    const { mustReject: _variants, ...graded } = parse(text) as Record<string, unknown>;
    return JSON.stringify(strip(graded));
  } catch {
    return text;
  }
}

export function instrumenterVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = require('@stryker-mutator/instrumenter/package.json') as { version: string };
  return manifest.version;
}

export async function readResults(root: string, slug: string, language: MutationLanguage = DEFAULT_MUTATION_LANGUAGE): Promise<MutationResult | undefined> {
  const text = await readFile(resultsFile(root, slug, language), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as MutationResult);
}

export async function writeResults(root: string, result: MutationResult): Promise<void> {
  await writeFile(resultsFile(root, result.slug, result.language), `${JSON.stringify(result, null, 1)}\n`);
}
