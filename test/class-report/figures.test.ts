import { describe, expect, it } from 'vitest';
import { mergeScores } from '../../grader/batch/merge.js';
import { SCORES_FORMAT, studentScores, testScore, type BatchScores } from '../../grader/batch/scores.js';
import { classFigures, distribution, specDoubt, type FailedTest } from '../../grader/class-report/figures.js';
import { messageClass } from '../../grader/class-report/message-class.js';
import type { ExerciseResult, TestResult } from '../../grader/report/types.js';
import { generatedBatch, TWO_AS_ONE_HINT } from './generated-batch.js';

const failed: TestResult = {
  name: 'two lines',
  status: 'failed',
  message: 'Line 2 of stdout is `Spam 004Spam 000`: two messages were joined into one.',
  score: 0,
  maxScore: 2,
  hidden: false,
  checks: [
    { check: 'exit', passed: true, message: 'Your program exited with status 0, as expected.' },
    { check: 'framing', passed: false, message: 'Line 2 of stdout is `Spam 004Spam 000`: two messages were joined into one.', hint: TWO_AS_ONE_HINT },
  ],
  trials: 1,
  durationMs: 10,
  stderrTail: 'warning \u001b[31mred\u001b[0m',
  rerun: 'node solution.mjs',
};

describe('what the batch records of a failed test', () => {
  it('keeps the first failed check, its hint and the console text, without terminal sequences', () => {
    const score = testScore(failed);
    expect(score.check).toBe('framing');
    expect(score.hint).toBe(TWO_AS_ONE_HINT);
    expect(score.message).toBe(failed.message);
    expect(score.details).toContain('Hint: Two messages arrived as one');
    expect(score.details).toContain('Your program wrote on stderr:\nwarning red');
    expect(score.details).not.toContain('\u001b');
  });

  it('records nothing more for a passed test, and only the reason for a test that never ran', () => {
    const passed = testScore({ ...failed, status: 'passed', message: '', score: 2, checks: [] });
    expect(passed).toEqual({ name: 'two lines', status: 'passed', points: 2, maxPoints: 2 });
    const missing: ExerciseResult = {
      slug: 'x',
      title: 'X',
      status: 'missing',
      score: 0,
      maxScore: 2,
      message: 'No solution found.',
      solutionDir: '/x',
      durationMs: 0,
      tests: [{ ...failed, message: 'not run: the solution is missing', checks: [] }],
    };
    const [exercise] = studentScores('amy', [missing], new Set(['x'])).exercises;
    expect(exercise!.reference).toBe(true);
    expect(exercise!.tests[0]).toEqual({ name: 'two lines', status: 'failed', points: 0, maxPoints: 2, message: 'not run: the solution is missing' });
  });
});

describe('message classes', () => {
  it('masks quoted output and numbers, so that the same failure on other lines counts once', () => {
    const a = messageClass('framing', 'Line 2 of stdout is `Spam 004Spam 000`: two messages were joined into one.');
    const b = messageClass('framing', 'Line 7 of stdout is `Spam 011Spam 002`… (12 more characters cut): two messages were joined into one.');
    expect(a).toBe('framing: Line N of stdout is `…`: two messages were joined into one.');
    expect(b).toBe(a);
    expect(messageClass(undefined, 'took 2.35 s')).toBe('took N s');
    // Where the sandbox put things differs between tests: the same mistake in both.
    expect(messageClass('lines', 'it was `My cwd: /x`: not the directory your program was started in, process.cwd() (here /sandbox/work/start/here).')).toBe(
      messageClass('lines', 'it was `My cwd: /y`: not the directory your program was started in, process.cwd() (here /sandbox/work).'),
    );
  });
});

describe('figures', () => {
  it('counts every whole score from 0 to the maximum, and fractional ones where they occur', () => {
    expect(distribution([3, 0, 3, 1.5], 3)).toEqual([
      { points: 0, students: 1 },
      { points: 1, students: 0 },
      { points: 1.5, students: 1 },
      { points: 2, students: 0 },
      { points: 3, students: 2 },
    ]);
  });

  it('flags a test a reference failed, or 90% of at least 3 students', () => {
    const test = (failedCount: number, ran: number, referencesFailed = 0): FailedTest => ({
      exercise: 'x',
      test: 't',
      failed: failedCount,
      ran,
      referencesFailed,
    });
    expect(specDoubt(test(9, 10))).toEqual(['9 of the 10 students it ran for failed "t"']);
    expect(specDoubt(test(8, 10))).toEqual([]);
    expect(specDoubt(test(2, 2))).toEqual([]);
    expect(specDoubt(test(3, 3))).toHaveLength(1);
    expect(specDoubt(test(1, 10, 1))).toEqual(['a submission identical to the reference failed "t"']);
  });

  it('equal what is counted straight from the scores of a generated class', async () => {
    const { scores, kinds } = await generatedBatch({ students: 40 });
    const figures = classFigures(scores);
    expect(figures.students).toBe(40);
    for (const [e, exercise] of scores.exercises.entries()) {
      const results = scores.students.map((s) => s.exercises[e]!);
      const shown = figures.exercises[e]!;
      expect(shown.exercise).toBe(exercise.exercise);
      expect(shown.passed).toBe(results.filter((r) => r.status === 'passed').length);
      expect(shown.missing).toBe(kinds.filter((row) => row[e] === 'missing').length);
      expect(shown.distribution.reduce((sum, bin) => sum + bin.students, 0)).toBe(40 - shown.missing);
      for (const bin of shown.distribution) {
        expect(bin.students).toBe(results.filter((r) => r.status !== 'missing' && r.points === bin.points).length);
      }
    }
    // The first exercise's last test: failed by every submission that ran it but the references (generated-batch.ts).
    const first = scores.exercises[0]!.exercise;
    expect(figures.exercises[0]!.checkSpec.length).toBeGreaterThan(0);
    const ran = kinds.filter((row) => row[0] !== 'missing' && row[0] !== 'does-not-compile').length;
    const lastTest = scores.students[0]!.exercises[0]!.tests.at(-1)!.name;
    const entry = figures.failedTests.find((t) => t.exercise === first && t.test === lastTest)!;
    expect(entry.ran).toBe(ran);
    expect(entry.failed).toBe(ran - kinds.filter((row) => row[0] === 'reference').length);
    // The second exercise: the references fail its last test.
    expect(figures.exercises[1]!.checkSpec[0]).toMatch(/identical to the reference failed/);
    // Most failed first; the commonest hint of a known-bad failure is the one the generator gave.
    const counts = figures.failedTests.map((t) => t.failed);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(figures.failedTests.find((t) => t.hint?.text === TWO_AS_ONE_HINT)).toBeDefined();
    // Grid rows: the totals of the scores.
    expect(figures.grid.map((r) => r.points)).toEqual(scores.students.map((s) => s.points));
  });
});

describe('merging keeps when and by what the shards were graded', () => {
  it('takes the latest time and every distinct grader version', () => {
    const shard = (index: number, gradedAt: string, graderVersion: string): BatchScores => ({
      format: SCORES_FORMAT,
      shard: { index, count: 2 },
      exercises: [],
      students: [],
      sandbox: { tier: 'bubblewrap', reason: '', guarantees: [], missing: [] },
      durationMs: 1,
      gradedAt,
      graderVersion,
    });
    const merged = mergeScores([
      { source: 'a', scores: shard(1, '2026-12-06T18:00:00.000Z', '0.1.0 (commit a)') },
      { source: 'b', scores: shard(2, '2026-12-06T18:05:00.000Z', '0.1.0 (commit a)') },
    ]);
    expect(merged.gradedAt).toBe('2026-12-06T18:05:00.000Z');
    expect(merged.graderVersion).toBe('0.1.0 (commit a)');
  });
});
