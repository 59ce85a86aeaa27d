import { Chalk, type ChalkInstance } from 'chalk';
import { indentLines, terminalSafe } from './terminal-safe.js';
import type { ExerciseResult, GradeSummary, Reporter, SandboxSummary, TestResult } from './types.js';
import { fixedSeconds } from '../util/time.js';

export interface ConsoleOptions {
  write?: (text: string) => void;
  /** Colour level: undefined lets chalk decide (it honours NO_COLOR, FORCE_COLOR and the terminal). */
  color?: boolean;
  /** Show hidden tests' messages too (instructors). */
  showHidden?: boolean;
}

const MARK = { passed: '✓', failed: '✗', error: '!', missing: '?', 'not-run': '-' } as const;

/** The console report: one line per exercise as it finishes, its failures under it, a total. */
export function consoleReporter(options: ConsoleOptions = {}): Reporter {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const chalk: ChalkInstance = options.color === undefined ? new Chalk() : new Chalk({ level: options.color ? 1 : 0 });
  let width = 20;
  return {
    onStart({ slugs, sandbox }) {
      width = Math.max(width, ...slugs.map((s) => s.length));
      write(sandboxLine(sandbox, chalk));
    },
    onExerciseEnd(exercise) {
      write(exerciseBlock(exercise, width, chalk, options.showHidden ?? false));
    },
    onEnd(summary) {
      write(totalLine(summary, chalk));
    },
  };
}

function sandboxLine(sandbox: SandboxSummary, chalk: ChalkInstance): string {
  if (sandbox.missing.length === 0) {
    return chalk.dim(`Sandbox: ${sandbox.tier} (${sandbox.guarantees.join(', ')})\n\n`);
  }
  return (
    chalk.yellow(`Sandbox: ${sandbox.tier} mode: ${sandbox.reason}\n`) +
    chalk.yellow(`  holds: ${sandbox.guarantees.join(', ') || 'nothing'}\n`) +
    chalk.yellow(`  does NOT hold: ${sandbox.missing.join(', ')}\n\n`)
  );
}

function colourFor(status: keyof typeof MARK, chalk: ChalkInstance): ChalkInstance {
  return status === 'passed' ? chalk.green : status === 'missing' || status === 'not-run' ? chalk.dim : chalk.red;
}

function exerciseBlock(exercise: ExerciseResult, width: number, chalk: ChalkInstance, showHidden: boolean): string {
  const colour = colourFor(exercise.status, chalk);
  const score = `${formatPoints(exercise.score)}/${formatPoints(exercise.maxScore)}`;
  const head = colour(`${MARK[exercise.status]} ${exercise.slug.padEnd(width)} ${score.padStart(7)}`);
  // Not started: one line, the message in place of the title.
  if (exercise.notStarted === true && exercise.message) return `${head}  ${terminalSafe(exercise.message)}\n`;
  const lines = [head + chalk.dim(`  ${exercise.title}`)];
  if (exercise.message) lines.push(indentLines(terminalSafe(exercise.message), '    '));
  // A missing, non-compiling or not started solution is one message; a test the grader could not run is shown.
  if (exercise.status !== 'missing' && exercise.notStarted !== true && !(exercise.status === 'error' && exercise.message)) {
    for (const test of exercise.tests.filter((t) => t.status !== 'passed')) lines.push(testBlock(test, chalk, showHidden));
  }
  return `${lines.join('\n')}\n`;
}

function testBlock(test: TestResult, chalk: ChalkInstance, showHidden: boolean): string {
  const points = `${formatPoints(test.maxScore)} point${test.maxScore === 1 ? '' : 's'}`;
  // A costly test skipped by failures-first grading: one line (--all-tests runs it).
  if (test.status === 'not-run') return chalk.dim(`    ${MARK['not-run']} ${terminalSafe(test.name)} (${points}): ${test.message}`);
  const head = `    ${chalk.red(MARK[test.status])} ${terminalSafe(test.name)} ${chalk.dim(`(${points})`)}`;
  if (test.hidden && !showHidden) return `${head}\n      ${chalk.dim('(a hidden test: its details are not shown)')}`;
  const lines = [head];
  const trial = test.failedTrial ? ` (trial ${test.failedTrial} of ${test.trials}${test.seed === undefined ? '' : `, seed ${test.seed}`})` : '';
  lines.push(indentLines(terminalSafe(test.message + trial), '      '));
  for (const check of test.checks.filter((c) => !c.passed)) {
    if (check.message !== test.message) lines.push(indentLines(terminalSafe(check.message), '      '));
    if (check.diff) lines.push(indentLines(terminalSafe(check.diff), chalk.dim('      │ ')));
    if (check.hint) lines.push(indentLines(terminalSafe(`Hint: ${check.hint}`), '      '));
  }
  if (test.stderrTail) {
    lines.push(chalk.dim('      Your program wrote on stderr:'));
    lines.push(indentLines(terminalSafe(test.stderrTail), chalk.dim('      │ ')));
  }
  if (test.rerun) lines.push(chalk.dim(`      Run it yourself: ${terminalSafe(test.rerun)}`));
  return lines.join('\n');
}

function totalLine(summary: GradeSummary, chalk: ChalkInstance): string {
  const passed = summary.exercises.filter((e) => e.status === 'passed').length;
  const all = summary.exercises.length;
  const colour = passed === all ? chalk.green : chalk.red;
  return `\n${colour(`Total: ${formatPoints(summary.score)}/${formatPoints(summary.maxScore)} points; ${passed} of ${all} exercises passed`)} ${chalk.dim(`(${fixedSeconds(summary.durationMs, 1)})`)}\n`;
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
