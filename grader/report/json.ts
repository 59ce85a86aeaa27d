import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GradeSummary, Reporter } from './types.js';

/** The machine-readable result, as outside tools read it (keep the documented fields stable). */
export function jsonResult(summary: GradeSummary): object {
  return {
    score: summary.score,
    maxScore: summary.maxScore,
    durationMs: summary.durationMs,
    sandbox: summary.sandbox,
    exercises: summary.exercises.map((exercise) => ({
      slug: exercise.slug,
      title: exercise.title,
      status: exercise.status,
      score: exercise.score,
      maxScore: exercise.maxScore,
      ...(exercise.message === undefined ? {} : { message: exercise.message }),
      durationMs: exercise.durationMs,
      tests: exercise.tests.map((test) => ({
        name: test.name,
        status: test.status,
        message: test.message,
        score: test.score,
        maxScore: test.maxScore,
        hidden: test.hidden,
        durationMs: test.durationMs,
        ...(test.seed === undefined ? {} : { seed: test.seed }),
        ...(test.failedTrial === undefined ? {} : { failedTrial: test.failedTrial, trials: test.trials }),
        checks: test.checks,
        ...(test.stderrTail === undefined ? {} : { stderrTail: test.stderrTail }),
      })),
    })),
  };
}

/** Writes the JSON result to `file` when the run ends. */
export function jsonReporter(file: string): Reporter {
  return {
    async onEnd(summary) {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await writeFile(file, `${JSON.stringify(jsonResult(summary), null, 2)}\n`);
    },
  };
}
