// The students of a submissions folder (DIR/STUDENT/SLUG/...) and the share of them a shard grades.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/** One machine's share of the students: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "I/N" (1 ≤ I ≤ N); throws an Error naming the expected form otherwise. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes I/N with 1 ≤ I ≤ N (e.g. 1/4), not "${text}"`);
  }
  return { index, count };
}

/** Orders names the same way on every machine (by UTF-16 code units, not by locale). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The names sorted by compareNames. */
export function sortNames(names: readonly string[]): string[] {
  return [...names].sort(compareNames);
}

/**
 * The students of shard `shard`: in name order, the k-th student (0-based) belongs to shard
 * k mod N + 1, so shards differ in size by at most one and every student is in exactly one.
 */
export function studentsOfShard(students: readonly string[], shard: Shard | undefined): string[] {
  const sorted = sortNames(students);
  if (shard === undefined) return sorted;
  return sorted.filter((_, k) => k % shard.count === shard.index - 1);
}

/** Every student folder of `dir` (real directories only: no files, symbolic links or dot-folders), sorted. */
export async function listStudents(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return sortNames(entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name));
}

/**
 * Where a student's solutions are: DIR/STUDENT/assignments/ when the folder is a clone of the
 * student's repository, else DIR/STUDENT/ itself.
 */
export async function solutionsRoot(submissionsDir: string, student: string): Promise<string> {
  const studentDir = path.join(submissionsDir, student);
  const clone = path.join(studentDir, 'assignments');
  try {
    if ((await lstat(clone)).isDirectory()) return clone;
  } catch {
    // not a clone
  }
  return studentDir;
}

/** Is `dir` a symbolic link (a submission's exercise folder must be a real folder)? */
export async function isSymbolicLink(dir: string): Promise<boolean> {
  try {
    return (await lstat(dir)).isSymbolicLink();
  } catch {
    return false;
  }
}
