import { describe, expect, it } from 'vitest';
import { consoleReporter } from '../../grader/report/console.js';
import { escapeCommandData, escapeCommandProperty } from '../../grader/report/escape.js';
import { exerciseAnnotations, githubAnnotationsReporter, workflowCommand } from '../../grader/report/github-annotations.js';
import { HOSTILE, SECRET, hostileSummary } from './hostile-summary.js';
import { commandsIn, parseCommandLine } from './workflow-commands.js';

function annotate(showHidden = false): string {
  let log = '';
  const reporter = githubAnnotationsReporter({ root: '/repo', write: (t) => (log += t), showHidden });
  const summary = hostileSummary();
  for (const exercise of summary.exercises) void reporter.onExerciseEnd?.(exercise);
  expect(log, 'annotations wait for the end of the run, to be ranked').toBe('');
  void reporter.onEnd?.(summary);
  return log;
}

describe('GitHub annotations', () => {
  it('escapes data (% CR LF) and properties (also : and ,) as the Actions toolkit does', () => {
    expect(escapeCommandData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeCommandProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });

  it('raises one ::error per failed test, on the solution file, titled with the test and points, the most useful first', () => {
    const log = annotate();
    const commands = commandsIn(log);
    expect(log.trimEnd().split('\n')).toHaveLength(4);
    expect(commands.map((c) => [c.command, c.properties.file, c.properties.title])).toEqual([
      ['error', 'assignments/cwd-path/solution.ts', 'cwd-path: could not be graded'],
      ['error', 'assignments/time-today/solution.ts', 'time-today: local date <b>|x|</b> (0/2 points)'],
      ['error', 'assignments/time-today/solution.ts', 'time-today: hidden edge case (0/2 points)'],
      ['warning', 'assignments/popen/solution.ts', 'popen: no solution'],
    ]);
    expect(commands[1]!.data).toContain('Line 2 should be "Today is: 2026-11-28"');
    expect(commands[1]!.data).toContain('Hint: Use the local date.');
  });

  it('keeps student text inside its own command: no forged notice, no stop-commands, no legacy ##[ command', () => {
    const log = annotate();
    // Exactly the four commands we meant, whatever the runner's two parsers make of every line.
    expect(commandsIn(log).map((c) => c.command)).toEqual(['error', 'error', 'error', 'warning']);
    expect(log).not.toMatch(/[\r\u0000\u0007\u001b]/);
    expect(log).not.toContain('##[');
    const data = commandsIn(log)[1]!.data;
    // The forged lines are still there for the student to read, as text inside the data.
    expect(data).toContain('\\u003a:notice title=Autograding complete::Points 100/100');
    expect(data).toContain('\\u003a:stop-commands::tok');
    expect(data).toContain('% 50%0A, b: c');
    expect(data).toContain('red');
    expect(data).not.toContain('\u001b[31m');
  });

  it('shows only that a hidden test failed', () => {
    const log = annotate();
    expect(log).not.toContain(SECRET);
    expect(commandsIn(log)[2]!.data).toBe('A hidden test failed; its details are not shown.');
    expect(annotate(true)).toContain(SECRET);
  });

  it('escapes property values from outside (a file name with a comma, colon or newline cannot add properties)', () => {
    const line = workflowCommand('error', { file: 'assignments/x,title=Points 100/100::y/solution.ts', title: 'a\nb' }, 'm');
    expect(parseCommandLine(line)).toEqual({
      command: 'error',
      properties: { file: 'assignments/x,title=Points 100/100::y/solution.ts', title: 'a\nb' },
      data: 'm',
    });
  });

  it('passes nothing for a passed exercise', () => {
    expect(exerciseAnnotations(hostileSummary().exercises[1]!, '/repo')).toEqual([]);
  });
});

describe('the console report in a CI log', () => {
  it('cannot raise workflow commands from student text either', () => {
    let log = '';
    const reporter = consoleReporter({ write: (t) => (log += t), color: false, showHidden: true });
    const summary = hostileSummary();
    void reporter.onStart?.({ slugs: summary.exercises.map((e) => e.slug), sandbox: summary.sandbox, solutionsDir: '/repo/assignments' });
    for (const exercise of summary.exercises) void reporter.onExerciseEnd?.(exercise);
    void reporter.onEnd?.(summary);
    expect(log).toContain('Autograding complete');
    expect(commandsIn(log)).toEqual([]);
    expect(HOSTILE).toContain('##[');
  });
});
