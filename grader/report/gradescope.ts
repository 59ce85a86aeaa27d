import { plainText, truncate } from './escape.js';
import { formatPoints, testsRan, visibleDetails } from './details.js';
import type { GradeSummary, Reporter } from './types.js';
import { writeReport } from './write-file.js';

/** Gradescope's visibility values for results and tests. */
export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  name: string;
  number: string;
  output: string;
  output_format: 'text';
  tags: string[];
  visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  tests: GradescopeTest[];
}

export interface GradescopeOptions {
  /** Where results.json goes (on Gradescope: /autograder/results/results.json). */
  file: string;
  /** Put hidden tests' details in their output too (they stay hidden until published). */
  showHidden?: boolean;
  /** Visibility of hidden spec tests (default after_published). */
  hiddenVisibility?: GradescopeVisibility;
  /** Lines said after the points (what was taken from the upload). */
  notes?: string[];
}

/** Longest output of one test. */
const MAX_OUTPUT = 8000;

/** Gradescope's results.json for a run: one Gradescope test per spec test, numbered EXERCISE.TEST. */
export function gradescopeResults(summary: GradeSummary, options: Omit<GradescopeOptions, 'file'> = {}): GradescopeResults {
  const notes = summary.exercises.filter((e) => !testsRan(e)).map((e) => `${e.slug}: ${e.message ?? e.status}`);
  const passed = summary.exercises.filter((e) => e.status === 'passed').length;
  const output = [
    `${formatPoints(summary.score)}/${formatPoints(summary.maxScore)} points; ${passed} of ${summary.exercises.length} exercises passed.`,
    ...(options.notes ?? []),
    ...notes,
  ].join('\n\n');
  return {
    score: summary.score,
    execution_time: Math.round(summary.durationMs / 1000),
    output: plainText(truncate(output, MAX_OUTPUT)),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: summary.exercises.flatMap((exercise, e) =>
      exercise.tests.map((test, t) => ({
        score: test.score,
        max_score: test.maxScore,
        status: test.status === 'passed' ? ('passed' as const) : ('failed' as const),
        name: `${exercise.slug}: ${test.name}`,
        number: `${e + 1}.${t + 1}`,
        output: plainText(truncate(visibleDetails(test, options.showHidden ?? false), MAX_OUTPUT)),
        output_format: 'text' as const,
        tags: [exercise.slug],
        visibility: test.hidden ? (options.hiddenVisibility ?? 'after_published') : ('visible' as const),
      })),
    ),
  };
}

/** Writes Gradescope's results.json when the run ends. */
export function gradescopeReporter(options: GradescopeOptions): Reporter {
  return {
    async onEnd(summary) {
      await writeReport(options.file, `${JSON.stringify(gradescopeResults(summary, options), null, 2)}\n`);
    },
  };
}
