import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSolution, type BuildOptions } from '../../grader/build/build.js';
import { RecordingPool } from '../../grader/bench/recording-pool.js';
import { gradeExercise } from '../../grader/grade/grade-exercise.js';
import { loadSpecs } from '../../grader/grade/grade.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('builds and the pool', () => {
  it('a solution is built as a task of the pool, so that it never runs beside an exclusive test', async () => {
    const [spec] = await loadSpecs(root, ['cwd-path']);
    const pool = new RecordingPool(2);
    let tasksWhenBuilt = -1;
    const build = (dir: string, options: BuildOptions) => {
      tasksWhenBuilt = pool.intervals.filter((i) => i.end === Infinity).length;
      return buildSolution(dir, options);
    };
    const result = await gradeExercise(spec!, {
      solutionDir: path.join(root, 'reference', 'cwd-path'),
      referenceDir: path.join(root, 'reference', 'cwd-path'),
      cacheDir: path.join(root, '.cache', 'build'),
      pool,
      build,
    });
    expect(result.status).toBe('passed');
    expect(tasksWhenBuilt).toBe(1);
    expect(pool.check().tasks).toBe(spec!.tests.length + 1);
  });
});
