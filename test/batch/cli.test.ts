import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCORES_FORMAT, type BatchScores } from '../../grader/batch/scores.js';
import { gradeCommand } from '../../grader/cli/grade-command.js';
import { mergeCommand } from '../../grader/cli/merge-command.js';

const root = path.resolve(import.meta.dirname, '../..');
const env = { root };
let dir: string;

function shard(index: number, names: string[]): BatchScores {
  return {
    format: SCORES_FORMAT,
    shard: { index, count: 2 },
    exercises: [{ exercise: 'cwd-path', maxPoints: 3 }],
    students: names.map((student) => ({
      student,
      points: 3,
      maxPoints: 3,
      exercises: [{ exercise: 'cwd-path', points: 3, maxPoints: 3, status: 'passed', tests: [] }],
    })),
    sandbox: { tier: 'bubblewrap', reason: 'test', guarantees: [], missing: [] },
    durationMs: 5,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'batch-cli-'));
  await writeFile(path.join(dir, 'one.json'), JSON.stringify(shard(1, ['amy', 'cat'])));
  await writeFile(path.join(dir, 'two.json'), JSON.stringify(shard(2, ['bob'])));
  await writeFile(path.join(dir, 'other.json'), '{"score": 3}');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('grade --submissions on the command line', () => {
  it('refuses the options of single grading, a bad shard and a missing folder', async () => {
    await expect(gradeCommand(['--shard', '1/2'], env)).rejects.toThrow('--shard needs --submissions DIR');
    await expect(gradeCommand(['--submissions', dir, '--format', 'json'], env)).rejects.toThrow('--format cannot be used with --submissions');
    await expect(gradeCommand(['--submissions', dir, '--shard', '3/2'], env)).rejects.toThrow('--shard takes I/N');
    await expect(gradeCommand(['--submissions', path.join(dir, 'nope')], env)).rejects.toThrow('there is no such folder');
  });
});

describe('the merge command', () => {
  it('merges shard files into one CSV and one JSON', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const status = await mergeCommand(['--out-dir', path.join(dir, 'out'), path.join(dir, 'two.json'), path.join(dir, 'one.json')], env);
      expect(status).toBe(0);
    } finally {
      stderr.mockRestore();
    }
    expect(await readFile(path.join(dir, 'out', 'scores.csv'), 'utf8')).toBe(
      'student,exercise,points,maxPoints,status\namy,cwd-path,3,3,passed\nbob,cwd-path,3,3,passed\ncat,cwd-path,3,3,passed\n',
    );
    const merged = JSON.parse(await readFile(path.join(dir, 'out', 'scores.json'), 'utf8')) as BatchScores;
    expect(merged.students.map((s) => s.student)).toEqual(['amy', 'bob', 'cat']);
    expect(merged.shard).toBeUndefined();
    // The class report of the merged scores, beside them.
    const report = await readFile(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(report).toMatch(/^<!DOCTYPE html>/);
    for (const name of ['amy', 'bob', 'cat']) expect(report).toContain(`data-student="${name}"`);
  });

  it('says which shard is missing, and which file is not a scores file', async () => {
    await expect(mergeCommand([path.join(dir, 'one.json')], env)).rejects.toThrow('Cannot merge: shard 2/2 is missing.');
    await expect(mergeCommand([path.join(dir, 'other.json')], env)).rejects.toThrow('is not a batch scores file');
    await expect(mergeCommand([], env)).rejects.toThrow('Usage: node grader/launch.mjs merge');
  });
});
