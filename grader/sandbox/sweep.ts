// Finding and killing a run's processes on the host by uid or by environment marker.
import fs from 'node:fs';
import { MARKER_VARIABLE } from './environment.js';

/** Which processes belong to a run. */
export type ProcessMatcher = { uid: number } | { marker: string };

function hostPids(): number[] {
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const own = process.pid;
  return names
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => pid !== own);
}

/** Real and effective uid of a live process (none for a zombie or a vanished one). */
function liveUids(pid: number): number[] {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    if (/^State:\s+[ZX]/m.test(status)) return [];
    const line = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status);
    return line ? [Number(line[1]), Number(line[2])] : [];
  } catch {
    return [];
  }
}

function ownedBy(pid: number, uid: number): boolean {
  try {
    return fs.statSync(`/proc/${pid}`).uid === uid;
  } catch {
    return false;
  }
}

function hasMarker(pid: number, needle: Buffer): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`).includes(needle);
  } catch {
    return false;
  }
}

/** Host pids of the processes that match (empty where /proc does not exist). */
export function findProcesses(matcher: ProcessMatcher): number[] {
  if ('uid' in matcher) {
    // stat of /proc/PID (owner = effective uid) is half the cost of reading every status file.
    return hostPids().filter((pid) => ownedBy(pid, matcher.uid) && liveUids(pid).includes(matcher.uid));
  }
  const needle = Buffer.from(`${MARKER_VARIABLE}=${matcher.marker}\0`);
  return hostPids().filter((pid) => hasMarker(pid, needle));
}

/** SIGKILL every matching process, rescanning until none is left (a forking one may add more). */
export function sweepProcesses(matcher: ProcessMatcher, rounds = 20): number {
  let killed = 0;
  for (let round = 0; round < rounds; round++) {
    const pids = findProcesses(matcher);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        // already gone
      }
    }
  }
  return killed;
}

/** True while any process of the group exists (zombies included). */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Does the group have a member that is not a zombie? (A zombie nobody reaps must not hold a run open.) */
export function processGroupHasLiveMember(pgid: number): boolean {
  if (!processGroupAlive(pgid)) return false;
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return true;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields !== undefined && Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
  }
  return false;
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Is the process there and not a zombie? */
export function processLive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** Direct children of a process (from /proc; empty where /proc does not exist). */
export function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return hostPids().filter((other) => Number(statFields(other)?.[1]) === pid);
  }
}

/** SIGKILL a whole process group, ignoring a group that is already gone. */
export function killProcessGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // gone
  }
}

/** SIGKILL one process, ignoring one that is already gone. */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

/** Every descendant of `root` (not `root` itself), breadth first, at most `limit` of them. */
export function descendantPids(root: number, limit = 4096): number[] {
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0 && found.length < limit) {
    const pid = queue.shift() as number;
    for (const child of childPids(pid)) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** A process's pid in its innermost PID namespace (NSpid), if readable. */
export function innerPid(pid: number): number | undefined {
  try {
    const fields = /^NSpid:\s+(.+)$/m
      .exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      ?.trim()
      .split(/\s+/);
    return fields === undefined ? undefined : Number(fields[fields.length - 1]);
  } catch {
    return undefined;
  }
}
