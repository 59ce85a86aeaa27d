import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeBatch } from '../../grader/batch/grade-batch.js';
import { mergeScores } from '../../grader/batch/merge.js';
import { batchProgress } from '../../grader/batch/progress.js';
import { scoresCsv, type BatchScores } from '../../grader/batch/scores.js';
import { scoreFiles, writeScores } from '../../grader/batch/write-scores.js';
import { generateSubmissions, type SubmissionKind } from '../../grader/bench/submissions.js';
import { gradeExercise } from '../../grader/grade/grade-exercise.js';
import { loadSpecs } from '../../grader/grade/grade.js';
import { TaskPool } from '../../grader/grade/pool.js';

const root = path.resolve(import.meta.dirname, '../..');
const slugs = ['cwd-path', 'env-list'];
let dir: string;
let out: string;
let plan: Record<string, Record<string, SubmissionKind>>;
let whole: BatchScores;
let progressText = '';
/** Points of each starter graded on its own: the score a copy of it must get in the batch. */
const starterPoints: Record<string, number> = {};
const maxPoints: Record<string, number> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'batch-test-'));
  out = await mkdtemp(path.join(tmpdir(), 'batch-test-out-'));
  plan = await generateSubmissions(root, dir, 4, slugs);
  // One exercise missing, and a student whose solution does not compile.
  await rm(path.join(dir, 'student-004', 'env-list'), { recursive: true });
  plan['student-004']!['env-list'] = 'missing';
  await mkdir(path.join(dir, 'zoe', 'cwd-path'), { recursive: true });
  await writeFile(path.join(dir, 'zoe', 'cwd-path', 'solution.ts'), 'const x: number = ;\n');
  const pool = new TaskPool(2);
  for (const spec of await loadSpecs(root, slugs)) {
    maxPoints[spec.slug] = spec.tests.reduce((sum, t) => sum + t.points, 0);
    const starter = await gradeExercise(spec, {
      solutionDir: path.join(root, 'assignments', spec.slug),
      referenceDir: path.join(root, 'reference', spec.slug),
      cacheDir: path.join(root, '.cache', 'build'),
      pool,
    });
    starterPoints[spec.slug] = starter.score;
  }
  const stream = { isTTY: false, write: (text: string) => (progressText += text) };
  whole = await gradeBatch({ root, submissionsDir: dir, slugs, jobs: 2, progress: batchProgress(stream) });
});

afterAll(async () => {
  for (const folder of [dir, out]) if (folder) await rm(folder, { recursive: true, force: true });
});

/** The rows the CSV must have: references full marks, starters what they score alone, missing 0. */
function expectedRows(): string[] {
  const rows: string[] = [];
  for (const [student, kinds] of Object.entries(plan)) {
    for (const slug of slugs) {
      const kind = kinds[slug]!;
      const points = kind === 'reference' ? maxPoints[slug] : kind === 'starter' ? starterPoints[slug] : 0;
      const status = kind === 'reference' ? 'passed' : kind === 'starter' ? 'failed' : 'missing';
      rows.push(`${student},${slug},${points},${maxPoints[slug]},${status}`);
    }
  }
  rows.push(`zoe,cwd-path,0,${maxPoints['cwd-path']},error`, `zoe,env-list,0,${maxPoints['env-list']},missing`);
  return rows;
}

describe('batch grading of a generated class', () => {
  it('gives every student the right score for every exercise, in the CSV', async () => {
    const files = scoreFiles({ outDir: out });
    await writeScores(whole, files);
    const csv = (await readFile(files.csv!, 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('student,exercise,points,maxPoints,status');
    expect(csv.slice(1)).toEqual(expectedRows());
  });

  it('writes the same scores in the JSON, with totals per student', async () => {
    const files = scoreFiles({ json: path.join(out, 'class.json') });
    await writeScores(whole, files);
    const json = JSON.parse(await readFile(files.json!, 'utf8')) as BatchScores;
    expect(json.exercises).toEqual(slugs.map((slug) => ({ exercise: slug, maxPoints: maxPoints[slug] })));
    expect(json.students.map((s) => s.student)).toEqual(['student-001', 'student-002', 'student-003', 'student-004', 'zoe']);
    const reference = json.students[0]!.exercises.find((e) => e.exercise === 'cwd-path')!;
    expect(reference.tests.every((t) => t.status === 'passed' && t.points === t.maxPoints)).toBe(true);
    for (const student of json.students) {
      expect(student.points).toBe(student.exercises.reduce((sum, e) => sum + e.points, 0));
      expect(student.maxPoints).toBe(maxPoints['cwd-path']! + maxPoints['env-list']!);
    }
    expect(json.students[4]!.exercises[0]!.message).toMatch(/does not compile/);
    expect(scoresCsv(json)).toBe(scoresCsv(whole));
  });

  it('splits the students between shards and merges them back to the same result', async () => {
    const shards = await Promise.all([1, 2].map((index) => gradeBatch({ root, submissionsDir: dir, slugs, jobs: 1, shard: { index, count: 2 } })));
    const names = shards.map((s) => s.students.map((student) => student.student));
    expect(names).toEqual([
      ['student-001', 'student-003', 'zoe'],
      ['student-002', 'student-004'],
    ]);
    const merged = mergeScores([
      { source: 'shard-2.json', scores: shards[1]! },
      { source: 'shard-1.json', scores: shards[0]! },
    ]);
    expect(merged.shard).toBeUndefined();
    expect(scoresCsv(merged)).toBe(scoresCsv(whole));
    expect(merged.students).toEqual(whole.students);
  });

  it('prints one plain line per student when stderr is not a terminal', () => {
    const lines = progressText.trimEnd().split('\n');
    expect(lines[0]).toBe('Grading 5 students');
    expect(lines.slice(1, -1)).toHaveLength(5);
    for (const [i, line] of lines.slice(1, -1).entries()) {
      expect(line).toMatch(new RegExp(`^\\[${i + 1}/5\\] (student-00\\d|zoe): \\d+/\\d+ points \\(.+\\) in \\d+\\.\\d s$`));
    }
    expect(lines.some((l) => /^\[\d\/5\] zoe: 0\/\d+ points \(1 error, 1 missing\)/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Graded 5 students in \d+s$/);
    expect(progressText).not.toContain('\r');
  });
});
