import { markdownFence, markdownInline, truncate } from './escape.js';
import { formatPoints, testDetails, testsRan } from './details.js';
import type { ExerciseResult, GradeSummary, Reporter } from './types.js';
import { writeReport } from './write-file.js';

export interface SummaryOptions {
  /** File the Markdown is appended to ($GITHUB_STEP_SUMMARY in a workflow). */
  file: string;
  /** Show hidden tests' details too (instructors). */
  showHidden?: boolean;
}

const ICON = { passed: '✅', failed: '❌', error: '⚠️', missing: '➖' } as const;
/** Longest quoted text per failure (a job summary holds at most 1 MiB). */
const MAX_QUOTE = 3000;

function points(score: number, max: number): string {
  return `${formatPoints(score)}/${formatPoints(max)}`;
}

function exerciseRow(exercise: ExerciseResult): string {
  return `| ${ICON[exercise.status]} | ${markdownInline(exercise.slug)} | ${markdownInline(exercise.title)} | ${points(exercise.score, exercise.maxScore)} | ${exercise.status} |`;
}

function failures(exercise: ExerciseResult, showHidden: boolean): string[] {
  const slug = markdownInline(exercise.slug);
  if (!testsRan(exercise)) {
    const what = exercise.status === 'missing' ? 'no solution' : 'could not be graded';
    return [`#### ${ICON[exercise.status]} ${slug}: ${what}`, '', markdownFence(truncate(exercise.message ?? '', MAX_QUOTE)), ''];
  }
  return exercise.tests
    .filter((test) => test.status !== 'passed')
    .flatMap((test) => {
      const head = `#### ${ICON.failed} ${slug}: ${markdownInline(test.name)} (${points(test.score, test.maxScore)})`;
      const body = test.hidden && !showHidden ? '*A hidden test: only whether it passed is shown.*' : markdownFence(truncate(testDetails(test), MAX_QUOTE));
      return [head, '', body, ''];
    });
}

/** The job summary in Markdown: the total, a table of exercises, then each failed test with its message. */
export function githubSummaryMarkdown(summary: GradeSummary, showHidden = false): string {
  const passed = summary.exercises.filter((e) => e.status === 'passed').length;
  const lines = [
    '## Grading results',
    '',
    `**${points(summary.score, summary.maxScore)} points**: ${passed} of ${summary.exercises.length} exercises passed.`,
    '',
    '| | Exercise | Title | Points | Status |',
    '|---|---|---|---|---|',
    ...summary.exercises.map(exerciseRow),
    '',
  ];
  const failed = summary.exercises.filter((e) => e.status !== 'passed');
  if (failed.length > 0) lines.push('### What failed', '', ...failed.flatMap((e) => failures(e, showHidden)));
  const sandbox =
    summary.sandbox.missing.length === 0 ? summary.sandbox.tier : `${summary.sandbox.tier} (does not hold: ${summary.sandbox.missing.join(', ')})`;
  lines.push(`<sub>Sandbox: ${markdownInline(sandbox)}; ${(summary.durationMs / 1000).toFixed(1)} s.</sub>`, '');
  return lines.join('\n');
}

/** Appends the job summary to a file when the run ends (GitHub shows $GITHUB_STEP_SUMMARY on the run's page). */
export function githubSummaryReporter(options: SummaryOptions): Reporter {
  return {
    async onEnd(summary) {
      await writeReport(options.file, githubSummaryMarkdown(summary, options.showHidden ?? false), true);
    },
  };
}
