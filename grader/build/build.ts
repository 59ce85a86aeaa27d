// Building a solution folder in its language (grader/languages/): TypeScript is built by esbuild,
// Python is checked and copied; either way into the cache, one folder per content hash.
import { DEFAULT_LANGUAGE, languageNamed } from '../languages/index.js';
import type { LanguageBuildOptions } from '../languages/types.js';
import type { BuildResult } from './types.js';

export interface BuildOptions extends LanguageBuildOptions {
  /** The solution's language (default TypeScript). */
  language?: string;
}

/** Builds every source file of `sourceDir` in its language, unless a build of exactly these sources is cached. */
export function buildSolution(sourceDir: string, options: BuildOptions): Promise<BuildResult> {
  const { language, ...rest } = options;
  return languageNamed(language ?? DEFAULT_LANGUAGE).build(sourceDir, rest);
}
