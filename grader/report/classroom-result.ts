// GitHub Classroom's runner `result` step output, as classroom-resources/autograding-command-grader
// writes it and classroom-resources/autograding-grading-reporter@v1 reads it (checked against their
// source: src/main.js of both, src/notify-classroom.js, src/helpers/test-helpers.js of the reporter).
// The reporter reads the step output from the environment variable `<RUNNER ID>_RESULTS`, decodes
// it from base64, and records sum(tests[].score) of max_score as the points
// (`::notice title=Autograding complete::Points X/Y`). So each spec test is one test here, with its
// own score: the reporter records our points, partial credit and weights included.
import { defuseWorkflowCommands, plainText, truncate } from './escape.js';
import { testsRan, visibleDetails } from './details.js';
import { exerciseLocation, testLocation } from './failure-location.js';
import type { GradeSummary, Reporter, TestResult } from './types.js';
import { writeReport } from './write-file.js';

export type ClassroomStatus = 'pass' | 'fail' | 'error';

/** One test as the reporter reads it (the command grader's fields, in its order). */
export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  score: number;
  message: string;
  test_code: string;
  filename: string;
  /** 0 when there is no line (the reporter prints " - line N" only when it is not 0). */
  line_no: number;
  /** Milliseconds, as the command grader measures it. */
  duration: number;
}

/** One runner's result: what the reporter decodes from `<RUNNER>_RESULTS`. */
export interface ClassroomResult {
  version: 1;
  /** fail when any test failed (the reporter then fails its step), else error when any errored, else pass. */
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

export interface ClassroomResultOptions {
  /** Repository root (file names are relative to it). */
  root: string;
  showHidden?: boolean;
  /** Longest base64 value (the reporter gets it as one environment variable; Linux caps one at 128 KiB). */
  maxEncodedLength?: number;
}

/** The default cap on the encoded value: well under Linux's 131,072 bytes for one environment string. */
export const MAX_ENCODED_LENGTH = 100_000;

/** The reporter prints names, messages and test code in the log: no line of them may read as a workflow command. */
function logSafe(text: string): string {
  return defuseWorkflowCommands(plainText(text));
}

function statusOf(test: TestResult): ClassroomStatus {
  return test.status === 'passed' ? 'pass' : test.status === 'failed' || test.status === 'not-run' ? 'fail' : 'error';
}

/** The runner result for a run, each message cut to `maxMessage` characters. */
function buildResult(summary: GradeSummary, options: ClassroomResultOptions, maxMessage: number): ClassroomResult {
  const showHidden = options.showHidden ?? false;
  const tests = summary.exercises.flatMap((exercise) =>
    exercise.tests.map((test): ClassroomTest => {
      const ran = testsRan(exercise);
      const location = ran ? testLocation(exercise, test, options.root, showHidden) : exerciseLocation(exercise, options.root);
      const details = ran ? visibleDetails(test, showHidden) : `${test.message}. ${exercise.message ?? ''}`;
      const hidden = test.hidden && !showHidden;
      return {
        name: logSafe(`${exercise.slug}: ${test.name}`),
        status: statusOf(test),
        score: test.score,
        message: maxMessage > 0 ? logSafe(truncate(details, maxMessage)) : '',
        test_code: hidden || maxMessage === 0 ? '' : logSafe(test.rerun ?? ''),
        filename: location.file,
        line_no: location.line ?? 0,
        duration: test.durationMs,
      };
    }),
  );
  const status: ClassroomStatus = tests.some((t) => t.status === 'fail') ? 'fail' : tests.some((t) => t.status === 'error') ? 'error' : 'pass';
  return { version: 1, status, max_score: summary.maxScore, tests };
}

/** base64 of the JSON, as the command grader encodes it. */
export function encodeClassroomResult(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}

/**
 * The result for a run, small enough to pass through one environment variable: messages are cut
 * shorter (4000, 2000, ... characters, then none) until the encoded value fits.
 */
export function classroomResult(summary: GradeSummary, options: ClassroomResultOptions): ClassroomResult {
  const limit = options.maxEncodedLength ?? MAX_ENCODED_LENGTH;
  for (let maxMessage = 4000; ; maxMessage = maxMessage > 250 ? Math.floor(maxMessage / 2) : 0) {
    const result = buildResult(summary, options, maxMessage);
    if (maxMessage === 0 || encodeClassroomResult(result).length <= limit) return result;
  }
}

/** The step output line: `result=BASE64` (base64 has no newline, so the one-line form is safe). */
export function classroomResultOutput(summary: GradeSummary, options: ClassroomResultOptions): string {
  return `result=${encodeClassroomResult(classroomResult(summary, options))}\n`;
}

/** Appends the `result` step output to `file` ($GITHUB_OUTPUT on a runner) when the run ends. */
export function classroomResultReporter(options: ClassroomResultOptions & { file: string }): Reporter {
  return {
    async onEnd(summary) {
      await writeReport(options.file, classroomResultOutput(summary, options), true);
    },
  };
}
