import { formatPoints } from './details.js';
import type { GradeSummary, Reporter } from './types.js';

/** GitHub Classroom's two notices, by which it records the grade: `Points X/Y` and the JSON report. */
export function classroomNotices(summary: GradeSummary): string {
  const total = Number(formatPoints(summary.score));
  const max = Number(formatPoints(summary.maxScore));
  return (
    `::notice title=Autograding complete::Points ${total}/${max}\n` +
    `::notice title=Autograding report::${JSON.stringify({ totalPoints: total, maxPoints: max })}\n`
  );
}

/** Prints the Classroom notices once, when the run ends (the command line puts this reporter last). */
export function classroomReporter(options: { write?: (text: string) => void } = {}): Reporter {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  let printed = false;
  return {
    onEnd(summary) {
      if (printed) return;
      printed = true;
      write(classroomNotices(summary));
    },
  };
}
