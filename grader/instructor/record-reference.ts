// Runs the reference on the tests that compare with it, to record what it printed.
import path from 'node:path';
import { buildSolution } from '../build/build.js';
import { streamText, type Stream } from '../checks/streams.js';
import { applyMask, type MaskRule } from '../checks/reference.js';
import { runTest } from '../run/index.js';
import type { ExerciseSpec } from '../spec/types.js';
import type { RecordedOutput } from './student-spec.js';
import { anyNeeds, needsOf } from '../checks/index.js';

/** Why an expectation could not be recorded (no reference, it did not build, it did not end, it varies). */
export class RecordError extends Error {
  override name = 'RecordError';
}

/**
 * The reference's output for every `reference` check of the tests not in `skip` (indices).
 * Each such test runs twice: an output that differs between the runs (after the check's mask)
 * cannot be recorded, and is an error that says to mask what varies.
 */
export async function recordReferenceOutputs(root: string, spec: ExerciseSpec, skip: ReadonlySet<number>): Promise<RecordedOutput[]> {
  const wanted = spec.tests.map((test, index) => ({ test, index })).filter(({ test, index }) => !skip.has(index) && anyNeeds(test.checks, 'reference'));
  if (wanted.length === 0) return [];
  const built = await buildSolution(path.join(root, 'reference', spec.slug), { cacheDir: path.join(root, '.cache', 'build'), entry: spec.entry });
  if (!built.ok) throw new RecordError(`${spec.slug}: the reference does not build, so its output cannot be recorded:\n${built.message}`);
  const recorded: RecordedOutput[] = [];
  for (const { test, index } of wanted) {
    const first = await runTest(test, built.program);
    const second = await runTest(test, built.program);
    for (const [checkIndex, check] of test.checks.entries()) {
      if (needsOf(check).reference !== true) continue;
      const processName = check.process ?? 'main';
      const stream = (check.stream as Stream | undefined) ?? 'stdout';
      const mask = (check.mask as MaskRule[] | undefined) ?? [];
      const runs = [first.runs[processName], second.runs[processName]];
      if (runs.some((run) => run === undefined || run.ending !== 'exited')) {
        throw new RecordError(
          `${spec.slug}: test "${test.name}": the reference's process \`${processName}\` did not end by itself, so its output cannot be recorded`,
        );
      }
      const [one, two] = runs.map((run) => streamText(run!, stream));
      if (applyMask(one!, mask) !== applyMask(two!, mask)) {
        throw new RecordError(
          `${spec.slug}: test "${test.name}": the reference's ${stream} differs from one run to the next, so it cannot be recorded; add a mask for what varies (pids, times) to its reference check`,
        );
      }
      recorded.push({ test: index, check: checkIndex, text: one! });
    }
  }
  return recorded;
}
