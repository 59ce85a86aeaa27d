import { describe, expect, it } from 'vitest';
import { buildOnce } from '../../grader/batch/build-once.js';
import { mergeScores } from '../../grader/batch/merge.js';
import { batchProgress } from '../../grader/batch/progress.js';
import { csvField, scoresCsv, SCORES_FORMAT, type BatchScores, type StudentScores } from '../../grader/batch/scores.js';
import { parseShard, studentsOfShard } from '../../grader/batch/students.js';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sandbox = { tier: 'bubblewrap', reason: 'test', guarantees: [], missing: [] };

function student(name: string, points: number): StudentScores {
  return { student: name, points, maxPoints: 3, exercises: [{ exercise: 'a', points, maxPoints: 3, status: points === 3 ? 'passed' : 'failed', tests: [] }] };
}

function shard(index: number, count: number, names: string[]): BatchScores {
  return {
    format: SCORES_FORMAT,
    shard: { index, count },
    exercises: [{ exercise: 'a', maxPoints: 3 }],
    students: names.map((n) => student(n, 1)),
    sandbox,
    durationMs: 10 * index,
  };
}

describe('shards', () => {
  it('parses I/N and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(/I\/N/);
  });

  it('puts every student in exactly one shard, the shards differing in size by at most one', () => {
    const students = Array.from({ length: 23 }, (_, i) => `s${String(i).padStart(2, '0')}`).reverse();
    const shards = [1, 2, 3, 4].map((index) => studentsOfShard(students, { index, count: 4 }));
    expect(shards.flat().sort()).toEqual([...students].sort());
    expect(new Set(shards.flat()).size).toBe(23);
    expect(shards.map((s) => s.length)).toEqual([6, 6, 6, 5]);
    // The same on every machine: by name, not by the order the folder listed them in.
    expect(studentsOfShard([...students].sort(), { index: 2, count: 4 })).toEqual(shards[1]);
  });
});

describe('merging shard scores', () => {
  it('sorts the students by name and keeps the longest duration', () => {
    const merged = mergeScores([
      { source: 'b.json', scores: shard(2, 2, ['bob', 'dan']) },
      { source: 'a.json', scores: shard(1, 2, ['amy', 'cat']) },
    ]);
    expect(merged.students.map((s) => s.student)).toEqual(['amy', 'bob', 'cat', 'dan']);
    expect(merged.durationMs).toBe(20);
    expect(merged.shard).toBeUndefined();
  });

  it('refuses a missing shard, a shard twice, a student twice and other exercises', () => {
    expect(() =>
      mergeScores([
        { source: 'a.json', scores: shard(1, 3, ['amy']) },
        { source: 'b.json', scores: shard(3, 3, ['bob']) },
      ]),
    ).toThrow('shard 2/3 is missing');
    expect(() =>
      mergeScores([
        { source: 'a.json', scores: shard(1, 2, ['amy']) },
        { source: 'b.json', scores: shard(1, 2, ['bob']) },
      ]),
    ).toThrow('a.json and b.json are both shard 1/2');
    expect(() =>
      mergeScores([
        { source: 'a.json', scores: shard(1, 2, ['amy']) },
        { source: 'b.json', scores: shard(2, 2, ['amy']) },
      ]),
    ).toThrow('student "amy" is in both a.json and b.json');
    const other = { ...shard(2, 2, ['bob']), exercises: [{ exercise: 'b', maxPoints: 3 }] };
    expect(() =>
      mergeScores([
        { source: 'a.json', scores: shard(1, 2, ['amy']) },
        { source: 'b.json', scores: other },
      ]),
    ).toThrow('b.json graded other exercises than a.json');
  });
});

describe('the CSV', () => {
  it('quotes what needs quoting and never starts a cell with a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-3)).toBe('-3');
  });

  it('has a header and one row per student and exercise', () => {
    expect(scoresCsv(shard(1, 1, ['amy', 'bob']))).toBe('student,exercise,points,maxPoints,status\namy,a,1,3,failed\nbob,a,1,3,failed\n');
  });
});

describe('the progress display', () => {
  it('redraws one bar in place on a terminal', () => {
    let text = '';
    let clock = 0;
    const progress = batchProgress({ isTTY: true, columns: 100, write: (t: string) => (text += t) }, () => clock);
    progress.start(4);
    clock = 2000;
    progress.studentDone(student('amy', 3), 2000);
    expect(text).not.toContain('\n');
    expect(text.split('\r\x1b[2K').at(-1)).toBe('[######..................] 1/4 students, 2s, about 6s left');
    progress.end();
    expect(text.endsWith('\r\x1b[2KGraded 1 student in 2s\n')).toBe(true);
  });
});

describe('building identical submissions once', () => {
  it('builds one copy, gives the others the same program under their own folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'build-once-'));
    try {
      for (const name of ['a', 'b']) {
        await mkdir(path.join(dir, name));
        await writeFile(path.join(dir, name, 'solution.ts'), 'console.log(1);\n');
      }
      const build = buildOnce();
      const options = { cacheDir: path.join(dir, 'cache') };
      const [a, b] = await Promise.all([build(path.join(dir, 'a'), options), build(path.join(dir, 'b'), options)]);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      // Whichever hashed first built; the other shared its build.
      expect([a.cached, b.cached].sort()).toEqual([false, true]);
      expect(b.program.dir).toBe(a.program.dir);
      expect(a.program.sourceDir).toBe(path.join(dir, 'a'));
      expect(b.program.sourceDir).toBe(path.join(dir, 'b'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
