// The flake hunt's bookkeeping, pure: which tests failed in one run of the suite (from vitest's
// JSON reporter), and every test that failed in any run, with how often and under which load.

/** The parts of vitest's JSON report (`--reporter=json`) that the hunt reads. */
export interface VitestJsonReport {
  numTotalTests?: number;
  numFailedTests?: number;
  testResults?: Array<{
    name: string;
    status?: string;
    message?: string;
    assertionResults?: Array<{ fullName?: string; title?: string; status: string; duration?: number | null; failureMessages?: string[] }>;
  }>;
}

/** One failed test of one run. */
export interface FailedTest {
  /** Test file, relative to the clone. */
  file: string;
  /** describe blocks and title, joined by " > ". */
  test: string;
  durationMs: number | undefined;
  /** First line of the first failure message. */
  message: string;
}

/** What one run of the whole suite gave. */
export interface SuiteRun {
  run: number;
  burners: number;
  /** Load averages (1, 5, 15 min) before and after the run. */
  loadBefore: number[];
  loadAfter: number[];
  wallMs: number;
  tests: number;
  failures: FailedTest[];
}

/** A test that failed in at least one run. */
export interface FlakyTest {
  file: string;
  test: string;
  /** Runs (1-based) in which it failed, and of those, how many had burners. */
  failedIn: number[];
  failedWithBurners: number;
  /** Durations of its failures, in ms. */
  durationsMs: number[];
  message: string;
}

/** The failed tests of one vitest JSON report (a file that failed to load counts as one failure). */
export function failedTests(report: VitestJsonReport, root: string): FailedTest[] {
  const failed: FailedTest[] = [];
  const relative = (file: string): string => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);
  for (const file of report.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    for (const assertion of assertions) {
      if (assertion.status !== 'failed') continue;
      failed.push({
        file: relative(file.name),
        test: assertion.fullName ?? assertion.title ?? '(unnamed)',
        durationMs: assertion.duration ?? undefined,
        message: firstLine(assertion.failureMessages?.[0] ?? ''),
      });
    }
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed')) {
      failed.push({ file: relative(file.name), test: '(the file itself)', durationMs: undefined, message: firstLine(file.message ?? '') });
    }
  }
  return failed;
}

/** Every test that failed in any run, most often failed first. */
export function flakyTests(runs: readonly SuiteRun[]): FlakyTest[] {
  const byKey = new Map<string, FlakyTest>();
  for (const run of runs) {
    for (const failure of run.failures) {
      const key = `${failure.file}\u0000${failure.test}`;
      const known = byKey.get(key) ?? { file: failure.file, test: failure.test, failedIn: [], failedWithBurners: 0, durationsMs: [], message: failure.message };
      known.failedIn.push(run.run);
      if (run.burners > 0) known.failedWithBurners++;
      if (failure.durationMs !== undefined) known.durationsMs.push(Math.round(failure.durationMs));
      byKey.set(key, known);
    }
  }
  return [...byKey.values()].sort((a, b) => b.failedIn.length - a.failedIn.length || a.file.localeCompare(b.file) || a.test.localeCompare(b.test));
}

/** Runs alternate: the first without burners, the second with them, and so on. */
export function burnersForRun(run: number, burners: number): number {
  return run % 2 === 0 ? burners : 0;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}
