// Running student programs in the sandbox.
//
// API (stable; others build on it):
//
//   detectSandbox(): Promise<SandboxInfo>
//     The tier in use, cached per grader process: 'bubblewrap' when a trial bwrap run works,
//     else 'weak' with the reason; GRADER_SANDBOX=weak forces weak, GRADER_SANDBOX=bubblewrap
//     makes a failing bubblewrap an error. `guarantees` / `missing` / `notes` say what holds.
//     sandboxSummary(info) is one console line.
//
//   runProgram(request: RunRequest, session?: RunSession): Promise<ProgramRun>
//     Runs one built program (node ENTRY ARGS) with the base environment + request.env, stdin
//     text fed then closed (or closed at once) or interactive `steps` (a stalled expect ends it
//     as 'step-timeout' naming the step), `observe` sampling its processes and threads into
//     ProgramRun.processes, stdout/stderr captured into regular files (capped),
//     the whole tree killed at timeoutMs, 'no-progress' after idleTimeoutMs of silence. Never
//     throws for anything the program does: a sandbox or program that cannot start is ending
//     'start-failure'. Without `session`, it opens and closes one of its own (own slot uid).
//
//   startProgram(request, session?): Promise<RunningProgram>
//     The same, live: write()/closeStdin() on its standard input, stdoutSoFar(), stop(ending),
//     mainEnded and done (→ ProgramRun). For interactive steps and cooperating processes.
//
//   openSession(tier?) / closeSession(session) / handOverWorkDir(session, dir)
//     The processes of one test share a session (one slot uid, so peers can use each other's
//     files); closing it kills whatever of it is left.
//
//   runTest(test: TestSpec, program: BuiltProgram, options?): Promise<TestRunResult>
//     Fresh work directory (mkdtemp), the test's `files` fixtures, the main run, the work tree
//     snapshot (snapshotWorkTree), the directory removed afterwards.
//
// Inside bubblewrap the program sees itself at /sandbox/program/ENTRY and runs in /sandbox/work
// (HOME too); in the weak tier it sees the host paths.
export { detectSandbox, sandboxSummary, SANDBOX_VARIABLE } from '../sandbox/detect.js';
export type { SandboxInfo, SandboxTier, Guarantee } from '../sandbox/types.js';
export { runProgram, startProgram, type RunningProgram } from './run-program.js';
export { runTest, type RunTestOptions, type TestRunResult } from './run-test.js';
export { openSession, closeSession, handOverWorkDir, type RunSession } from './session.js';
export { createFixtures } from './fixtures.js';
export { snapshotWorkTree } from './work-tree.js';
export { playSteps, DEFAULT_STEP_TIMEOUT_MS, type StepFailure, type StepTarget } from './steps.js';
export { createWorkDir, removeWorkDir } from './work-dir.js';
export { DEFAULT_LIMITS, resolveLimits } from './limits.js';
export type { Ending, ObservedProcess, ProgramRun, RunLimits, RunRequest, RunSandbox } from './types.js';
