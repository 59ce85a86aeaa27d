import { describe, expect, it } from 'vitest';
import { classroomReporter } from '../../grader/report/classroom.js';
import { hostileSummary } from './hostile-summary.js';
import { commandsIn } from './workflow-commands.js';

describe("GitHub Classroom's notices", () => {
  it('prints the points notice and the JSON report notice, once, when the run ends', async () => {
    let log = '';
    const reporter = classroomReporter({ write: (t) => (log += t) });
    const summary = hostileSummary();
    for (const exercise of summary.exercises) await reporter.onExerciseEnd?.(exercise);
    expect(log).toBe('');
    await reporter.onEnd?.(summary);
    await reporter.onEnd?.(summary);
    expect(log).toBe('::notice title=Autograding complete::Points 3/9\n::notice title=Autograding report::{"totalPoints":3,"maxPoints":9}\n');
    const [points, report] = commandsIn(log);
    expect(points).toEqual({ command: 'notice', properties: { title: 'Autograding complete' }, data: 'Points 3/9' });
    expect(JSON.parse(report!.data)).toEqual({ totalPoints: 3, maxPoints: 9 });
  });

  it('writes fractional points as numbers', async () => {
    let log = '';
    await classroomReporter({ write: (t) => (log += t) }).onEnd?.({ ...hostileSummary(), score: 2.5, maxScore: 9 });
    expect(log).toContain('Points 2.5/9');
    expect(log).toContain('{"totalPoints":2.5,"maxPoints":9}');
  });
});
