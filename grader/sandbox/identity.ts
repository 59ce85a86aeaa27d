// Who a run executes as: a per-slot unprivileged uid when the grader is root (so that
// RLIMIT_NPROC is enforced and leftovers can be found by uid), or an environment marker.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sweepProcesses } from './sweep.js';
import type { RunIdentity, SandboxInfo } from './types.js';

/** First uid of the run slots; slot n runs as SLOT_UID_BASE + n. */
export const SLOT_UID_BASE = 60000;
/** Uid used once by detection's trial run. */
export const PROBE_UID = SLOT_UID_BASE - 1;
const SLOT_COUNT = 512;

let setprivCache: string | null | undefined;

/** Absolute path of util-linux setpriv, if installed. */
export function setprivPath(): string | undefined {
  if (setprivCache === undefined) {
    setprivCache = ['/usr/bin/setpriv', '/bin/setpriv', '/usr/sbin/setpriv'].find((p) => fs.existsSync(p)) ?? null;
  }
  return setprivCache ?? undefined;
}

/** Does the grader run as root? */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** setpriv arguments that switch to `uid` (and its own gid, no supplementary groups). */
export function dropPrivilegesArgs(uid: number): string[] {
  return ['--reuid', String(uid), '--regid', String(uid), '--clear-groups'];
}

function slotDir(): string {
  const dir = path.join(os.tmpdir(), 'grader-slots');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `file` holding this process's pid, unless it exists (readers may see it empty for a moment). */
function createLock(file: string): boolean {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Does the lock's owner live? Undefined when the lock is gone; an unreadable or odd one counts as alive. */
function ownerAlive(file: string): boolean | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : true;
  }
  // Empty: its owner is between creating and writing it. Taken for a dead owner, two graders
  // would hold one uid, each sweeping the other's processes ("supervisor killed" under load).
  if (!/^\d+$/.test(text.trim())) return true;
  return alive(Number(text.trim()));
}

/** Takes the lock `file` for this process: free, or left by a grader that died (exported for tests). */
export function tryLock(file: string): boolean {
  if (createLock(file)) return true;
  const owner = ownerAlive(file);
  if (owner === undefined) return createLock(file);
  if (owner) return false;
  // A grader that died left it: take it over, one taker at a time (a taker that died
  // meanwhile leaves its .takeover file, and the slot is skipped: there are plenty).
  const takeover = `${file}.takeover`;
  if (!createLock(takeover)) return false;
  try {
    if (ownerAlive(file) === true) return false;
    fs.rmSync(file, { force: true });
    return createLock(file);
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

/** Reserve a slot uid, locked across grader processes (lock files under the temp dir). */
export function acquireSlotUid(): { uid: number; release(): void } {
  const dir = slotDir();
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const uid = SLOT_UID_BASE + slot;
    const file = path.join(dir, `uid-${uid}`);
    if (!tryLock(file)) continue;
    // Leftovers of a crashed grader would count against this run's process cap.
    sweepProcesses({ uid });
    let released = false;
    return {
      uid,
      release: () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`all ${SLOT_COUNT} sandbox slots are taken (lock files in ${dir})`);
}

/** The identity of one run: a slot uid, a marker (weak tier without uid), or nothing. */
export function acquireIdentity(info: SandboxInfo): RunIdentity {
  if (info.dropsPrivileges) {
    const slot = acquireSlotUid();
    return { uid: slot.uid, release: () => slot.release() };
  }
  if (info.tier === 'weak') {
    return { marker: crypto.randomBytes(12).toString('hex'), release: () => undefined };
  }
  return { release: () => undefined };
}
