// Batch throughput: a generated class graded as `grade --submissions` grades it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gradeBatch } from '../batch/grade-batch.js';
import { listSpecSlugs } from '../grade/grade.js';
import { generateSubmissions } from './submissions.js';

export interface BatchThroughput {
  students: number;
  exercises: number;
  wallMs: number;
  perMinute: number;
  /** Rows whose score is not the one their copy deserves (a reference below full marks, a missing one not missing). */
  wrongRows: string[];
}

/** Grades `students` generated submissions (references, starters, some missing) with a fresh build cache. */
export async function measureBatch(root: string, students: number, jobs?: number): Promise<BatchThroughput> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-class-'));
  try {
    const slugs = await listSpecSlugs(path.join(root, 'specs'));
    const plan = await generateSubmissions(root, path.join(dir, 'class'), students, slugs);
    const started = performance.now();
    const scores = await gradeBatch({
      root,
      submissionsDir: path.join(dir, 'class'),
      slugs,
      cacheDir: path.join(dir, 'cache'),
      ...(jobs === undefined ? {} : { jobs }),
    });
    const wallMs = performance.now() - started;
    const wrongRows: string[] = [];
    for (const student of scores.students) {
      for (const e of student.exercises) {
        const kind = plan[student.student]?.[e.exercise];
        const right =
          kind === 'reference' ? e.status === 'passed' && e.points === e.maxPoints : kind === 'missing' ? e.status === 'missing' : e.status !== 'passed';
        if (right) continue;
        const failed = e.tests.filter((t) => t.status !== 'passed').map((t) => `\n      ${t.name}: ${(t.message ?? '').split('\n')[0]}`);
        wrongRows.push(`${student.student} ${e.exercise} (${kind}): ${e.status} ${e.points}/${e.maxPoints}${kind === 'reference' ? failed.join('') : ''}`);
      }
    }
    return { students, exercises: slugs.length, wallMs, perMinute: (students * 60_000) / wallMs, wrongRows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
