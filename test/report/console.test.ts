import { describe, expect, it } from 'vitest';
import { consoleReporter } from '../../grader/report/console.js';
import { terminalSafe } from '../../grader/report/terminal-safe.js';
import type { ExerciseResult, GradeSummary, SandboxSummary } from '../../grader/report/types.js';

const sandbox: SandboxSummary = { tier: 'bubblewrap', reason: 'works', guarantees: ['PID namespace'], missing: [] };

function failing(message: string, diff?: string): ExerciseResult {
  return {
    slug: 'time-today',
    title: 'Today',
    status: 'failed',
    score: 1,
    maxScore: 3,
    solutionDir: '/x',
    durationMs: 5,
    tests: [
      { name: 'ok', status: 'passed', message: '', score: 1, maxScore: 1, hidden: false, checks: [], trials: 1, durationMs: 1 },
      {
        name: 'local date',
        status: 'failed',
        message,
        score: 0,
        maxScore: 2,
        hidden: false,
        trials: 1,
        durationMs: 1,
        checks: [{ check: 'lines', passed: false, message, ...(diff === undefined ? {} : { diff }), hint: 'Use the local date.' }],
        stderrTail: 'Error: boom\n\u001b[32m✓ all passed\u001b[0m',
        rerun: 'TZ=Pacific/Kiritimati npm run exercise -- time-today',
      },
    ],
  };
}

function render(exercise: ExerciseResult, summary?: Partial<GradeSummary>): string {
  let text = '';
  const reporter = consoleReporter({ write: (t) => (text += t), color: false });
  void reporter.onStart?.({ slugs: [exercise.slug], sandbox, solutionsDir: '/x' });
  void reporter.onExerciseEnd?.(exercise);
  void reporter.onEnd?.({ score: exercise.score, maxScore: exercise.maxScore, exercises: [exercise], sandbox, durationMs: 10, ...summary });
  return text;
}

describe('the console report', () => {
  it('shows the score line, the failed test with its message, hint, stderr and how to rerun it', () => {
    const text = render(failing('Line 1 should be "Today is: 2026-11-28"', '-Today is: 2026-11-28\n+Today is: 2026-11-27'));
    expect(text).toContain('✗ time-today');
    expect(text).toContain('1/3');
    expect(text).toContain('✗ local date (2 points)');
    expect(text).toContain('Hint: Use the local date.');
    expect(text).toContain('│ -Today is: 2026-11-28');
    expect(text).toContain('Run it yourself: TZ=Pacific/Kiritimati npm run exercise -- time-today');
    expect(text).toContain('Total: 1/3 points; 0 of 1 exercises passed');
    expect(text).not.toContain('✗ ok');
  });

  it('cannot be forged by student text: control characters are shown, every line is indented', () => {
    const forged = 'nothing\r✓ time-today   3/3\n::notice title=Autograding complete::Points 100/100\u001b[2K\u001b[1A';
    const text = render(failing(forged, `+${forged}`));
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain('\\r✓ time-today   3/3');
    expect(text).toContain('\\u001b[2K');
    for (const line of text.split('\n')) {
      expect(line.startsWith('::')).toBe(false);
      if (line.includes('3/3')) expect(line.startsWith('    ')).toBe(true);
    }
  });

  it('says which guarantees do not hold in the weak sandbox mode', () => {
    let text = '';
    const reporter = consoleReporter({ write: (t) => (text += t), color: false });
    void reporter.onStart?.({
      slugs: ['x'],
      sandbox: { tier: 'weak', reason: 'bubblewrap is not installed', guarantees: ['clean environment'], missing: ['PID namespace', 'network isolation'] },
      solutionsDir: '/x',
    });
    expect(text).toContain('weak mode: bubblewrap is not installed');
    expect(text).toContain('does NOT hold: PID namespace, network isolation');
  });

  it('hides the details of hidden tests', () => {
    const exercise = failing('secret expectation');
    exercise.tests[1]!.hidden = true;
    const text = render(exercise);
    expect(text).not.toContain('secret expectation');
    expect(text).toContain('a hidden test');
  });
});

describe('terminalSafe', () => {
  it('makes control characters visible and keeps newlines', () => {
    expect(terminalSafe('a\tb\rc\u001b[31md\u0007\ne\u009b')).toBe('a\\tb\\rc\\u001b[31md\\u0007\ne\\u009b');
  });
});

describe('a test the grader could not run', () => {
  it('is shown with its message under the exercise', () => {
    const exercise = failing('x');
    exercise.status = 'error';
    exercise.tests[1] = {
      ...exercise.tests[1]!,
      status: 'error',
      message: 'The grader could not run this test: the reference solution in reference/x does not build',
      checks: [],
    };
    const text = render(exercise);
    expect(text).toContain('! time-today');
    expect(text).toContain('the reference solution in reference/x does not build');
  });
});
