// Builds shared between identical submissions: copies with the same sources are built once.
import { createHash } from 'node:crypto';
import { buildSolution, type BuildOptions } from '../build/build.js';
import { hashSources } from '../build/hash.js';
import type { BuildResult } from '../build/types.js';

/** A builder for gradeExercise that builds each distinct content once per grader process. */
export function buildOnce(): (sourceDir: string, options: BuildOptions) => Promise<BuildResult> {
  const builds = new Map<string, Promise<BuildResult>>();
  return async (sourceDir, options) => {
    const salt = createHash('sha256')
      .update(`${options.cacheDir}\0${options.entry ?? ''}\0${options.language ?? ''}`)
      .digest('hex');
    const key = await hashSources(sourceDir, salt);
    const first = builds.get(key);
    if (first === undefined) {
      const pending = buildSolution(sourceDir, options);
      builds.set(key, pending);
      return pending;
    }
    const shared = await first;
    // A compile error names the files of the folder it came from: build this one for its own names.
    if (!shared.ok) return buildSolution(sourceDir, options);
    return { ok: true, program: { ...shared.program, sourceDir }, cached: true };
  };
}
