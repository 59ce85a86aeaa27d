// The per-test work directory: created fresh, handed to the run's uid, removed afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { scratchRoot } from './scratch.js';

/** A fresh empty work directory under the scratch root (traversable, so a slot uid can use it). */
export function createWorkDir(): string {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'grader-work-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Give the directory and everything in it to `uid` (symlinks themselves, not their targets). */
export function chownTree(dir: string, uid: number): void {
  const walk = (p: string): void => {
    fs.lchownSync(p, uid, uid);
    const stat = fs.lstatSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
}

function makeRemovable(p: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(p);
  } catch {
    return;
  }
  if (!stat.isDirectory()) return;
  try {
    fs.chmodSync(p, 0o700);
  } catch {
    // not ours: rm will say so
  }
  for (const name of fs.readdirSync(p)) makeRemovable(path.join(p, name));
}

/** Remove a work directory whatever the program did to its permissions. */
export function removeWorkDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    makeRemovable(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
