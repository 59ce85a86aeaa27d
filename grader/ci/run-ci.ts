import { spawn } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ERRORS_RAISED_ENV } from '../report/github-annotations.js';
import { writeReport } from '../report/write-file.js';
import { changedPaths, type ClassifiedChange } from './changes.js';
import { mergeBase, resolveCommit } from './git.js';
import { ciAnnotations, ciClosingText, ciConsoleText, ciSummaryMarkdown, tampering } from './report.js';
import { layTrustedTree } from './trusted-tree.js';

export interface CiOptions {
  /** The git repository holding both commits. */
  repo: string;
  /** The trusted commit (the pull request's base branch). */
  base: string;
  /** The student's commit (the pull request's head). */
  head: string;
  /** An installed node_modules to link into the graded tree. */
  nodeModules: string;
  /** Arguments for the base's `grade` command (formats with absolute --output paths, slugs, --jobs...). */
  gradeArgs: string[];
  /** Job summary file: the changes are written there before the grades. */
  summaryFile?: string;
  /** Print ::error annotations for tampered files. */
  annotations?: boolean;
  /** Keep the graded tree (its path is printed). */
  keep?: boolean;
  write: (text: string) => void;
  writeError: (text: string) => void;
}

export interface CiOutcome {
  /** Exit status: the grade's, 1 when anything was tampered with, 2 when grading could not run. */
  status: number;
  gradeStatus: number;
  changes: ClassifiedChange[];
  taken: string[];
  mergeBase: string;
}

/** Grades HEAD's solution files with BASE's grader, specs and references; reports every other change as tampering. */
export async function runCi(options: CiOptions): Promise<CiOutcome> {
  const base = await resolveCommit(options.repo, options.base);
  const head = await resolveCommit(options.repo, options.head);
  const fork = await mergeBase(options.repo, base, head);
  const changes = await changedPaths(options.repo, fork, head);
  const work = await mkdtemp(path.join(tmpdir(), 'grader-ci-'));
  const tree = path.join(work, 'tree');
  try {
    const taken = await layTrustedTree({ repo: options.repo, base, head, dir: tree, nodeModules: await realpath(options.nodeModules) });
    const facts = { base, head, changes, taken };
    options.write(ciConsoleText(facts));
    const annotations = options.annotations ? ciAnnotations(facts) : [];
    for (const line of annotations) options.write(`${line}\n`);
    if (options.summaryFile) await writeReport(options.summaryFile, ciSummaryMarkdown(facts), true);
    if (options.keep) options.write(`The graded tree stays in ${tree}\n`);
    const gradeStatus = await runGrader(tree, options, annotations.length);
    options.write(ciClosingText(facts));
    const status = gradeStatus === 2 ? 2 : tampering(changes).length > 0 ? 1 : gradeStatus;
    return { status, gradeStatus, changes, taken, mergeBase: fork };
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

/** Runs the tree's own grader (BASE's) in the tree, telling it the error annotations already raised; resolves with its exit status. */
function runGrader(tree: string, options: CiOptions, errorsRaised: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(tree, 'grader', 'launch.mjs'), 'grade', ...options.gradeArgs], {
      cwd: tree,
      // CI set: the grade runs every test (no failures-first skipping), whatever the caller's environment.
      env: { ...process.env, CI: process.env.CI || 'true', [ERRORS_RAISED_ENV]: String(errorsRaised) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => options.write(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => options.writeError(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 2 : 0)));
  });
}
