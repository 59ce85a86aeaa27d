// Where a failure is in the student's code, for annotations and JUnit: the file of the exercise's
// folder and the line that a compiler message or a stack trace names, else the graded entry file.
import path from 'node:path';
import { LANGUAGES, languageNamed, DEFAULT_LANGUAGE } from '../languages/index.js';
import type { ExerciseResult, TestResult } from './types.js';

export interface FailureLocation {
  /** Relative to the repository root, with forward slashes (`assignments/SLUG/solution.ts`). */
  file: string;
  /** 1-based line, when the failure names one in a file of the solution. */
  line?: number;
}

// `some/dir/name.ts:12` or `name.py:12:5`, as esbuild's and the Python syntax check's messages and
// node's (source-mapped) stack traces print them: any language's extension. Found from the
// `.EXT:LINE` end and walked back to the path's start, so that long student output costs linear
// time (a regex with the path in front backtracks quadratically).
const SOURCE_LINE = new RegExp(`\\.(?:${LANGUAGES.map((language) => language.extension.slice(1)).join('|')}):(\\d+)`, 'g');
const PATH_STOP = /[\s()'"`:]/;

/** Every `path.ts:LINE` (or another language's extension) in `text`, in order, `file://` dropped. */
export function tsPositions(text: string): Array<{ path: string; line: number }> {
  const positions: Array<{ path: string; line: number }> = [];
  // Never walk back past the previous match: each character is looked at once.
  let floor = 0;
  for (const match of text.matchAll(SOURCE_LINE)) {
    const end = match.index + match[0].length - match[1]!.length - 1;
    let start = match.index;
    while (start > floor && !PATH_STOP.test(text[start - 1]!)) start -= 1;
    floor = end;
    // `file:///abs/x.ts` stops at the colon after `file`: the path is what follows `//`.
    const candidate = text.slice(start, end).replace(/^\/\/(?=\/)/, '');
    if (candidate.length > end - match.index) positions.push({ path: candidate, line: Number(match[1]) });
  }
  return positions;
}

function relativeToRoot(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The graded entry file (`solution.ts`, `solution.py`, or the spec's entry) relative to the root. */
export function entryFile(root: string, exercise: ExerciseResult): string {
  const extension = languageNamed(exercise.language ?? DEFAULT_LANGUAGE).extension;
  return relativeToRoot(root, path.join(exercise.solutionDir, `${exercise.entry ?? 'solution'}${extension}`));
}

/**
 * The first position in `texts` (searched in order) that names a .ts file inside the solution's
 * folder, as a location; paths in messages are relative to the directory the grader ran in (`cwd`).
 */
export function firstSolutionPosition(texts: Array<string | undefined>, solutionDir: string, root: string, cwd: string): FailureLocation | undefined {
  const folder = path.resolve(solutionDir);
  for (const text of texts) {
    if (!text) continue;
    for (const position of tsPositions(text)) {
      const file = path.resolve(cwd, position.path);
      if (path.dirname(file) === folder && position.line > 0) return { file: relativeToRoot(root, file), line: position.line };
    }
  }
  return undefined;
}

/** Where the exercise failed to build (a compiler message's position), else its entry file. */
export function exerciseLocation(exercise: ExerciseResult, root: string, cwd = process.cwd()): FailureLocation {
  return firstSolutionPosition([exercise.message], exercise.solutionDir, root, cwd) ?? { file: entryFile(root, exercise) };
}

/**
 * Where a test failed: the first position in the solution's files that its stderr (a stack trace),
 * its message or its failed checks name; else the exercise's location. A hidden test's details
 * stay hidden unless `showHidden`, so its location is the entry file.
 */
export function testLocation(exercise: ExerciseResult, test: TestResult, root: string, showHidden = false, cwd = process.cwd()): FailureLocation {
  if (test.status === 'passed' || (test.hidden && !showHidden)) return { file: entryFile(root, exercise) };
  const texts = [test.stderrTail, test.message, ...test.checks.filter((c) => !c.passed).map((c) => c.message), exercise.message];
  return firstSolutionPosition(texts, exercise.solutionDir, root, cwd) ?? { file: entryFile(root, exercise) };
}
