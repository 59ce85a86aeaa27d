import path from 'node:path';

/** One thing wrong with a spec, at a line and column (1-based; 0 when unknown). */
export interface SpecProblem {
  line: number;
  column: number;
  message: string;
}

/** A spec that cannot be used. Its message lists every problem as FILE:LINE:COLUMN: text. */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SpecProblem[],
  ) {
    super(problems.map((p) => formatProblem(file, p)).join('\n'));
    this.name = 'SpecError';
  }
}

function formatProblem(file: string, problem: SpecProblem): string {
  const shown = path.relative(process.cwd(), file) || file;
  const where = problem.line > 0 ? `${shown}:${problem.line}:${problem.column}` : shown;
  return `${where}: ${problem.message}`;
}
