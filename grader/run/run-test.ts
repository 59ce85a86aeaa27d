// One test from start to end: fresh work directory, fixtures, the main run, the final work tree.
import type { BuiltProgram } from '../build/types.js';
import type { TestSpec } from '../spec/types.js';
import { createFixtures } from './fixtures.js';
import { runProcesses } from './peers.js';
import { startFailure } from './run-program.js';
import { runSplits, type FeedMain } from './splits.js';
import { closeSession, handOverWorkDir, openSession } from './session.js';
import type { RunTestOptions, TestRunResult } from './types.js';
import { createWorkDir, removeWorkDir } from './work-dir.js';
import { snapshotWorkTree } from './work-tree.js';

/** Options of runTest beyond the spec. */
export type { RunTestOptions, TestRunResult } from './types.js';

/**
 * Run a test's programs (the main one and its `processes`) in a fresh work directory; with a
 * `feed`, once per split, each in a fresh work directory. Never throws for anything the program does.
 */
export async function runTest(test: TestSpec, program: BuiltProgram, options: RunTestOptions = {}): Promise<TestRunResult> {
  if (test.feed === undefined) return runOnce(test, program, options);
  return runSplits(test, options, (_plan, feedMain) => runOnce(test, program, options, feedMain));
}

/** One run of the test's processes in a fresh work directory; `feedMain` gives the main process its input. */
async function runOnce(test: TestSpec, program: BuiltProgram, options: RunTestOptions, feedMain?: FeedMain): Promise<TestRunResult> {
  const workDir = createWorkDir();
  try {
    let session;
    try {
      createFixtures(workDir, test.files);
      session = await openSession(options.tier);
    } catch (error) {
      return { runs: { main: startFailure('main', (error as Error).message) }, workTree: snapshotWorkTree(workDir), workDir };
    }
    try {
      handOverWorkDir(session, workDir);
      // The main process (stdin, steps or feed) and the test's peers; see peers.ts.
      const runs = await runProcesses({ test, program, session, workDir, limits: options.limits, feedMain });
      return { runs, workTree: snapshotWorkTree(workDir), workDir };
    } finally {
      closeSession(session);
    }
  } finally {
    if (options.keepWorkDir !== true) removeWorkDir(workDir);
  }
}
