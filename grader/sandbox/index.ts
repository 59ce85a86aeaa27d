// The sandbox: tiers, detection, identities and sweeping. See grader/run/index.ts for the API
// that runs programs.
export { detectSandbox, describeTier, sandboxSummary, SANDBOX_VARIABLE } from './detect.js';
export { buildEnvironment, programPath, MARKER_VARIABLE } from './environment.js';
export { tierNamed } from './tiers.js';
export { acquireIdentity, SLOT_UID_BASE } from './identity.js';
export { findProcesses, sweepProcesses, processGroupAlive, killProcessGroup, type ProcessMatcher } from './sweep.js';
export { readableProgramDir } from './access.js';
export { decodeShellStatus, parseSupervisorLine, type SupervisorMessage } from './supervisor.js';
export { GUARANTEES } from './types.js';
export type { Guarantee, Launch, LaunchRequest, ResolvedLimits, RunIdentity, SandboxInfo, SandboxPaths, SandboxTier } from './types.js';
