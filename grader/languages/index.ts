// The registry of languages: a solution folder's language is the one whose entry file it holds
// (solution.ts, solution.py), or the one named by --language. Adding a language is adding its
// folder here and one line to LANGUAGES (README: "Adding a language").
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuiltProgram } from '../build/types.js';
import { python3 } from './python/index.js';
import type { Language } from './types.js';
import { typescript } from './typescript/index.js';

export type { Language, LanguageBuildOptions, LanguageWords } from './types.js';

/** Every language the grader runs; the first is the default (a folder with no entry file is "missing" in it). */
export const LANGUAGES: Language[] = [typescript, python3];

export const DEFAULT_LANGUAGE = 'typescript';

/** The names --language accepts. */
export function languageNames(): string[] {
  return LANGUAGES.map((language) => language.name);
}

/** The language of this name; throws for an unknown one. */
export function languageNamed(name: string): Language {
  const found = LANGUAGES.find((language) => language.name === name);
  if (found === undefined) throw new Error(`No language named "${name}". Languages: ${languageNames().join(', ')}.`);
  return found;
}

/** The language a built program is written in (TypeScript when it does not say). */
export function languageOf(program: Pick<BuiltProgram, 'language'>): Language {
  return languageNamed(program.language ?? DEFAULT_LANGUAGE);
}

/** The language of a run, as far as it says (the checks' and hints' view). */
export function languageOfRun(run: { language?: string | undefined }): Language {
  return languageNamed(run.language ?? DEFAULT_LANGUAGE);
}

/** Folder names that hold another language's copy of a solution (reference/SLUG/python/). */
export function languageFolders(): ReadonlySet<string> {
  return new Set(LANGUAGES.map((language) => language.name));
}

/** Where a solution of one exercise is, and in which language. */
export type SolutionLocation =
  | { found: true; language: Language; dir: string; entryFile: string }
  /** No entry file of any language (or of the language asked for): `entryFile` is the one expected. */
  | { found: false; ambiguous: false; language: Language; dir: string; entryFile: string }
  /** Entry files of two languages side by side: the student must keep one. */
  | { found: false; ambiguous: true; dir: string; files: string[]; message: string };

/**
 * The solution in folder `dir` for entry ENTRY: the language whose ENTRY file is there, or
 * `language` when given (then DIR/LANGUAGE/ when that folder exists, as reference/SLUG/python/).
 */
export function locateSolution(dir: string, entry: string, asked?: string): SolutionLocation {
  if (asked !== undefined) {
    const chosen = languageNamed(asked);
    const own = path.join(dir, chosen.name);
    const folder = existsSync(path.join(own, `${entry}${chosen.extension}`)) ? own : dir;
    const entryFile = path.join(folder, `${entry}${chosen.extension}`);
    return existsSync(entryFile)
      ? { found: true, language: chosen, dir: folder, entryFile }
      : { found: false, ambiguous: false, language: chosen, dir: folder, entryFile };
  }
  const present = LANGUAGES.filter((candidate) => existsSync(path.join(dir, `${entry}${candidate.extension}`)));
  if (present.length > 1) {
    const files = present.map((candidate) => path.relative(process.cwd(), path.join(dir, `${entry}${candidate.extension}`)));
    const names = present.map((candidate) => `--language ${candidate.name}`).join(' or ');
    return {
      found: false,
      ambiguous: true,
      dir,
      files,
      message: `Two solutions in one folder: ${files.join(' and ')}. Keep the one you are writing and remove the other (or choose with ${names}).`,
    };
  }
  const language = present[0] ?? languageNamed(DEFAULT_LANGUAGE);
  const entryFile = path.join(dir, `${entry}${language.extension}`);
  return present.length === 1 ? { found: true, language, dir, entryFile } : { found: false, ambiguous: false, language, dir, entryFile };
}
