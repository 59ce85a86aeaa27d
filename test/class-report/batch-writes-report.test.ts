// A real (small) batch through the command line writes report.html beside the scores, and
// `npm run report` makes the same page from scores.json.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BatchScores } from '../../grader/batch/scores.js';
import { generateSubmissions } from '../../grader/bench/submissions.js';
import { gradeCommand } from '../../grader/cli/grade-command.js';
import { reportCommand } from '../../grader/cli/report-command.js';
import { ROOT } from './generated-batch.js';

const slugs = ['cwd-path', 'env-list'];
let dir: string;
let out: string;
let plan: Record<string, Record<string, string>>;
let scores: BatchScores;
let html: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'report-batch-'));
  out = await mkdtemp(path.join(tmpdir(), 'report-batch-out-'));
  // Two students of references and starters, and one with a known-bad variant of cwd-path.
  plan = await generateSubmissions(ROOT, dir, 2, slugs);
  const variant = path.join(ROOT, 'reference', 'cwd-path', 'wrong', 'cwd-is-script-dir');
  await cp(variant, path.join(dir, 'student-003', 'cwd-path'), { recursive: true });
  plan['student-003'] = { 'cwd-path': 'known-bad', 'env-list': 'missing' };
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const status = await gradeCommand(['--submissions', dir, '--out-dir', out, '--jobs', '2', ...slugs], { root: ROOT });
    expect(status).toBe(0);
  } finally {
    stderr.mockRestore();
  }
  scores = JSON.parse(await readFile(path.join(out, 'scores.json'), 'utf8')) as BatchScores;
  html = await readFile(path.join(out, 'report.html'), 'utf8');
});

afterAll(async () => {
  for (const folder of [dir, out]) if (folder) await rm(folder, { recursive: true, force: true });
});

describe('a batch run', () => {
  it('writes report.html beside scores.csv and scores.json', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    for (const student of Object.keys(plan)) expect(html).toContain(student);
    // One chart per exercise and the pass shares, inlined as SVG.
    expect(html.match(/<svg /g)).toHaveLength(slugs.length + 1);
    expect(html).not.toMatch(/<(link|img|iframe)\b|src="http/);
  });

  it('records which submissions are the reference, the grader version and when it ran', () => {
    for (const student of scores.students) {
      for (const exercise of student.exercises) {
        expect(exercise.reference === true, `${student.student} ${exercise.exercise}`).toBe(plan[student.student]![exercise.exercise] === 'reference');
      }
    }
    expect(scores.graderVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(scores.gradedAt!)).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it("records the failed test's check, hint and console text for the known-bad variant", () => {
    const exercise = scores.students.find((s) => s.student === 'student-003')!.exercises.find((e) => e.exercise === 'cwd-path')!;
    const failed = exercise.tests.filter((t) => t.status !== 'passed');
    expect(failed.length).toBeGreaterThan(0);
    for (const test of failed) {
      expect(test.check).toBeDefined();
      expect(test.details).toContain(test.message);
    }
  });

  it('makes the same page again with npm run report -- scores.json', async () => {
    const again = path.join(out, 'again.html');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(reportCommand([path.join(out, 'scores.json'), '--output', again], { root: ROOT })).resolves.toBe(0);
    } finally {
      stderr.mockRestore();
    }
    expect(await readFile(again, 'utf8')).toBe(html);
    await expect(reportCommand([path.join(out, 'scores.csv')], { root: ROOT })).rejects.toThrow(/Cannot read/);
  });
});
