// Whether an unprivileged uid can reach the files a run needs, and a world-readable copy if not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function ancestorsTraversable(target: string): boolean {
  let dir = path.dirname(target);
  for (;;) {
    try {
      if ((fs.statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** Can any user execute this file (the Node binary)? */
export function worldExecutable(file: string): boolean {
  try {
    const real = fs.realpathSync(file);
    return (fs.statSync(real).mode & 0o001) !== 0 && ancestorsTraversable(real);
  } catch {
    return false;
  }
}

function treeWorldReadable(dir: string): boolean {
  if ((fs.statSync(dir).mode & 0o005) !== 0o005) return false;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!treeWorldReadable(full)) return false;
    } else if ((fs.statSync(full).mode & 0o004) === 0) {
      return false;
    }
  }
  return true;
}

/** Is the whole directory readable by any user? */
export function worldReadableDir(dir: string): boolean {
  try {
    return ancestorsTraversable(dir) && treeWorldReadable(dir);
  } catch {
    return false;
  }
}

/** A directory any user can read: `dir` itself, or a copy that `remove` deletes. */
export function readableProgramDir(dir: string): { dir: string; remove(): void } {
  if (worldReadableDir(dir)) return { dir, remove: () => undefined };
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'grader-program-'));
  fs.chmodSync(parent, 0o755);
  const copy = path.join(parent, 'program');
  fs.cpSync(dir, copy, { recursive: true, dereference: true });
  const open = (p: string): void => {
    const stat = fs.statSync(p);
    const isDir = stat.isDirectory();
    fs.chmodSync(p, isDir || (stat.mode & 0o111) !== 0 ? 0o755 : 0o644);
    if (isDir) for (const name of fs.readdirSync(p)) open(path.join(p, name));
  };
  open(copy);
  return { dir: copy, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
