// Whether a student's submission is the reference solution itself (a copy graded with the class):
// its failures are then the spec's, not the student's, and the class report says so.
import { hashSources } from '../build/hash.js';
import { languageFolders } from '../languages/index.js';

const SALT = 'same-as-reference';

/** Compares source folders with each exercise's reference by content; hashes each reference once. */
export function referenceMatcher(): (solutionDir: string, referenceDir: string) => Promise<boolean> {
  const references = new Map<string, Promise<string | undefined>>();
  // reference/SLUG/python/ holds another language's reference: not part of this one.
  const hashOf = (dir: string): Promise<string | undefined> => hashSources(dir, SALT, undefined, languageFolders()).catch(() => undefined);
  return async (solutionDir, referenceDir) => {
    let reference = references.get(referenceDir);
    if (reference === undefined) {
      reference = hashOf(referenceDir);
      references.set(referenceDir, reference);
    }
    const [expected, actual] = await Promise.all([reference, hashOf(solutionDir)]);
    return expected !== undefined && actual === expected;
  };
}
