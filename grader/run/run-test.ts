// One test from start to end: fresh work directory, fixtures, the main run, the final work tree.
import type { BuiltProgram } from '../build/types.js';
import type { WorkTreeEntry } from '../checks/types.js';
import type { SandboxTier } from '../sandbox/types.js';
import type { TestSpec } from '../spec/types.js';
import { createFixtures } from './fixtures.js';
import { runProgram } from './run-program.js';
import { closeSession, handOverWorkDir, openSession } from './session.js';
import type { ProgramRun, RunLimits } from './types.js';
import { createWorkDir, removeWorkDir } from './work-dir.js';
import { snapshotWorkTree } from './work-tree.js';

/** Options of runTest beyond the spec. */
export interface RunTestOptions {
  /** Force a tier (tests); default: what detectSandbox() found. */
  tier?: SandboxTier;
  limits?: RunLimits;
  /** Keep the work directory (its path is returned) instead of removing it. */
  keepWorkDir?: boolean;
}

/** What a test's runs produced. */
export interface TestRunResult {
  /** Every process of the test by name; "main" is the one the test starts. */
  runs: Record<string, ProgramRun>;
  /** The work directory after the runs (path → entry). */
  workTree: Record<string, WorkTreeEntry>;
  /** Host path of the work directory (already removed unless keepWorkDir). */
  workDir: string;
}

function failedBeforeStart(test: TestSpec, detail: string): ProgramRun {
  const now = Date.now();
  return {
    name: 'main',
    stdout: '',
    stderr: '',
    exitCode: null,
    signal: null,
    ending: 'start-failure',
    endingDetail: detail,
    elapsedMs: 0,
    totalMs: 0,
    startedAt: now,
    endedAt: now,
    env: {},
    truncated: false,
  };
}

/** Run a test's program in a fresh work directory. Never throws for anything the program does. */
export async function runTest(test: TestSpec, program: BuiltProgram, options: RunTestOptions = {}): Promise<TestRunResult> {
  const workDir = createWorkDir();
  try {
    let session;
    try {
      createFixtures(workDir, test.files);
      session = await openSession(options.tier);
    } catch (error) {
      return { runs: { main: failedBeforeStart(test, (error as Error).message) }, workTree: snapshotWorkTree(workDir), workDir };
    }
    try {
      handOverWorkDir(session, workDir);
      const main = await runProgram(
        {
          name: 'main',
          program,
          args: test.args,
          env: test.env,
          stdin: test.stdin,
          workDir,
          cwd: test.cwd,
          timeoutMs: test.timeoutMs,
          idleTimeoutMs: test.idleTimeoutMs,
          limits: options.limits,
        },
        session,
      );
      return { runs: { main }, workTree: snapshotWorkTree(workDir), workDir };
    } finally {
      closeSession(session);
    }
  } finally {
    if (options.keepWorkDir !== true) removeWorkDir(workDir);
  }
}
