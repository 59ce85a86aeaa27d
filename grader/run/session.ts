// A run session: the sandbox tier and the identity (slot uid or marker) shared by the processes
// of one test, and the sweep of its leftovers at the end.
import { describeTier, detectSandbox } from '../sandbox/detect.js';
import { acquireIdentity } from '../sandbox/identity.js';
import { findProcesses, sweepProcesses, type ProcessMatcher } from '../sandbox/sweep.js';
import type { RunIdentity, SandboxInfo, SandboxTier } from '../sandbox/types.js';
import { chownTree } from './work-dir.js';

/** The tier and identity of one test's processes. */
export interface RunSession {
  info: SandboxInfo;
  identity: RunIdentity;
  /** Programs of the session still running (see enterSession). */
  running?: number;
}

/** Detect (or force) the tier and reserve an identity. Throws if a forced bubblewrap does not work. */
export async function openSession(tier?: SandboxTier): Promise<RunSession> {
  const detected = await detectSandbox();
  let info = detected;
  if (tier !== undefined && tier !== detected.tier) {
    if (tier === 'bubblewrap') throw new Error(`bubblewrap was requested but does not work: ${detected.reason}`);
    info = describeTier('weak', 'requested by the caller');
  }
  return { info, identity: acquireIdentity(info) };
}

/** How to find the session's processes on the host, if it has a way. */
export function sessionMatcher(session: RunSession): ProcessMatcher | undefined {
  const { uid, marker } = session.identity;
  if (uid !== undefined) return { uid };
  if (marker !== undefined) return { marker };
  return undefined;
}

/** Does any process of the session still exist on the host? */
export function sessionHasProcesses(session: RunSession): boolean {
  const matcher = sessionMatcher(session);
  return matcher !== undefined && findProcesses(matcher).length > 0;
}

/** Kill every leftover of the session. */
export function sweepSession(session: RunSession): void {
  const matcher = sessionMatcher(session);
  if (matcher !== undefined) sweepProcesses(matcher);
}

/** Count a program of the session as running (until leaveSession). */
export function enterSession(session: RunSession): void {
  session.running = (session.running ?? 0) + 1;
}

/** The program has ended. */
export function leaveSession(session: RunSession): void {
  session.running = Math.max(0, (session.running ?? 0) - 1);
}

/** Is this the only running program of the session (so that every leftover of the session is its own)? */
export function aloneInSession(session: RunSession): boolean {
  return (session.running ?? 0) <= 1;
}

/** Hand a work directory to the session's uid (no-op without one). */
export function handOverWorkDir(session: RunSession, dir: string): void {
  if (session.identity.uid !== undefined) chownTree(dir, session.identity.uid);
}

/** Sweep leftovers and give the slot back. */
export function closeSession(session: RunSession): void {
  sweepSession(session);
  session.identity.release();
}
