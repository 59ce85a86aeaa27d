// A generated class for batch grading: student folders made of copies of the references and the
// starters, with a few exercises missing, so that the right score of every row is known.
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** What a generated student handed in for one exercise. */
export type SubmissionKind = 'reference' | 'starter' | 'missing';

/** The kind of student `k`'s exercise `j`: mostly references and starters, one in seven missing. */
export function submissionKind(k: number, j: number): SubmissionKind {
  if ((k + j) % 7 === 6) return 'missing';
  return (k + j) % 2 === 0 ? 'reference' : 'starter';
}

/** The name of generated student `k` (sorts in order). */
export function studentName(k: number): string {
  return `student-${String(k + 1).padStart(3, '0')}`;
}

/**
 * Writes `students` folders DIR/student-NNN/SLUG/ (the .ts files of reference/SLUG or
 * assignments/SLUG, or nothing); resolves with what each student got, by name then slug.
 */
export async function generateSubmissions(
  root: string,
  dir: string,
  students: number,
  slugs: readonly string[],
): Promise<Record<string, Record<string, SubmissionKind>>> {
  const plan: Record<string, Record<string, SubmissionKind>> = {};
  for (let k = 0; k < students; k++) {
    const student = studentName(k);
    const kinds: Record<string, SubmissionKind> = {};
    await mkdir(path.join(dir, student), { recursive: true });
    for (const [j, slug] of slugs.entries()) {
      const kind = submissionKind(k, j);
      kinds[slug] = kind;
      if (kind === 'missing') continue;
      const from = path.join(root, kind === 'reference' ? 'reference' : 'assignments', slug);
      // Only the solution files: not the known-bad variants (reference/SLUG/wrong/) nor the statement.
      await cp(from, path.join(dir, student, slug), { recursive: true, filter: (source) => source === from || source.endsWith('.ts') });
    }
    plan[student] = kinds;
  }
  return plan;
}
