import { gitBytes } from './git.js';

/** What a changed path is to the CI check. */
export type ChangeKind = 'student' | 'ignored' | 'tampering';

export interface Change {
  path: string;
  /** git's status letter: A added, M modified, D deleted, T type changed. */
  status: string;
  /** Mode after the change ("000000" when deleted): 100644/100755 file, 120000 symbolic link, 160000 submodule. */
  mode: string;
}

export interface ClassifiedChange extends Change {
  kind: ChangeKind;
  reason: string;
}

/** A solution file: a `.ts` file directly in an exercise folder. */
export const STUDENT_FILE = /^assignments\/[^/]+\/[^/]+\.ts$/;
const STATEMENT = /^assignments\/[^/]+\/README\.md$/;
const REGULAR = new Set(['100644', '100755']);

/** Sorts one change: a solution file (taken), an exercise statement (ignored), anything else (tampering). */
export function classifyChange(change: Change): ClassifiedChange {
  const deleted = change.status === 'D';
  if (!deleted && change.mode === '120000')
    return { ...change, kind: 'tampering', reason: 'a symbolic link (only regular files are taken from a pull request)' };
  if (!deleted && change.mode === '160000') return { ...change, kind: 'tampering', reason: 'a submodule' };
  if (STUDENT_FILE.test(change.path) && (deleted || REGULAR.has(change.mode))) return { ...change, kind: 'student', reason: 'a solution file' };
  if (STATEMENT.test(change.path)) return { ...change, kind: 'ignored', reason: "the exercise's statement: not used, the base's copy stays" };
  return { ...change, kind: 'tampering', reason: 'only assignments/SLUG/*.ts files may change in a pull request' };
}

/** Parses `git diff --raw -z --no-renames` output: `:oldmode newmode oldsha newsha STATUS\0path\0` records. */
export function parseRawDiff(raw: string): Change[] {
  const fields = raw.split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i]!;
    const path = fields[i + 1]!;
    const [, newMode = '', , , status = ''] = meta.replace(/^:/, '').split(' ');
    changes.push({ path, status: status.charAt(0), mode: newMode });
  }
  return changes;
}

/** Every path that differs between two commits, classified. */
export async function changedPaths(repo: string, from: string, to: string): Promise<ClassifiedChange[]> {
  const raw = await gitBytes(repo, ['diff', '--raw', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--full-index', from, to, '--']);
  return parseRawDiff(raw.toString('utf8')).map(classifyChange);
}
