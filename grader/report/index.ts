// The output formats of `npm run grade -- --format NAME`: name → how to make its reporter.
import { classroomReporter } from './classroom.js';
import { classroomResultReporter } from './classroom-result.js';
import { consoleReporter } from './console.js';
import { errorsRaisedBefore, githubAnnotationsReporter } from './github-annotations.js';
import { githubSummaryReporter } from './github-summary.js';
import { gradescopeReporter } from './gradescope.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import type { Reporter } from './types.js';

/** What a format's factory is given. */
export interface FormatContext {
  /** Repository root (annotation paths are relative to it). */
  root: string;
  /** The file to write: --output, else the format's default. */
  file: string | undefined;
  showHidden: boolean;
  write: (text: string) => void;
}

export interface OutputFormat {
  /** One line for the usage text. */
  description: string;
  /** Where the format writes without --output (undefined: standard output). */
  defaultFile?: (env: Record<string, string | undefined>) => string;
  create(context: FormatContext): Reporter;
}

function fileOf(context: FormatContext): string {
  if (context.file === undefined) throw new Error('this format needs a file');
  return context.file;
}

/** Runs several reporters as one, in order. */
export function combineReporters(...reporters: Reporter[]): Reporter {
  return {
    async onStart(info) {
      for (const r of reporters) await r.onStart?.(info);
    },
    async onTestStart(slug, test) {
      for (const r of reporters) await r.onTestStart?.(slug, test);
    },
    async onTestResult(slug, result) {
      for (const r of reporters) await r.onTestResult?.(slug, result);
    },
    async onExerciseEnd(result) {
      for (const r of reporters) await r.onExerciseEnd?.(result);
    },
    async onEnd(summary) {
      for (const r of reporters) await r.onEnd?.(summary);
    },
  };
}

/** Every output format by name. */
export const FORMATS: Record<string, OutputFormat> = {
  console: {
    description: 'what failed and why, on standard output (the default)',
    create: (c) => consoleReporter({ write: c.write, showHidden: c.showHidden }),
  },
  json: {
    description: 'the JSON result (default file grade-results.json)',
    defaultFile: () => 'grade-results.json',
    create: (c) => jsonReporter(fileOf(c)),
  },
  github: {
    description: 'annotations on standard output, and the Markdown job summary appended to $GITHUB_STEP_SUMMARY (else grade-summary.md)',
    defaultFile: (env) => env.GITHUB_STEP_SUMMARY || 'grade-summary.md',
    create: (c) =>
      combineReporters(
        githubAnnotationsReporter({ root: c.root, write: c.write, showHidden: c.showHidden, errorsAlreadyRaised: errorsRaisedBefore(process.env) }),
        githubSummaryReporter({ file: fileOf(c), showHidden: c.showHidden }),
      ),
  },
  gradescope: {
    description: "Gradescope's results.json (default file gradescope-results.json)",
    defaultFile: () => 'gradescope-results.json',
    create: (c) => gradescopeReporter({ file: fileOf(c), showHidden: c.showHidden }),
  },
  junit: {
    description: 'JUnit XML (default file junit.xml)',
    defaultFile: () => 'junit.xml',
    create: (c) => junitReporter({ file: fileOf(c), root: c.root, showHidden: c.showHidden }),
  },
  classroom: {
    description: "GitHub Classroom's points notices on standard output, once, at the end (without its reporter action)",
    create: (c) => classroomReporter({ write: c.write }),
  },
  'classroom-result': {
    description: "the step output `result` (per-test scores) for Classroom's reporter action, appended to $GITHUB_OUTPUT (else classroom-result.txt)",
    defaultFile: (env) => env.GITHUB_OUTPUT || 'classroom-result.txt',
    create: (c) => classroomResultReporter({ file: fileOf(c), root: c.root, showHidden: c.showHidden }),
  },
};
