// A snapshot of the work directory after the run, for file-system checks.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkTreeEntry } from './types.js';

/** Regular files up to this size have their content in the snapshot. */
export const CONTENT_LIMIT = 64 * 1024;

function typeOf(stat: fs.Stats): WorkTreeEntry['type'] {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'dir';
  if (stat.isSymbolicLink()) return 'symlink';
  if (stat.isFIFO()) return 'fifo';
  return 'other';
}

/** Path (relative, "/"-separated) → entry, for everything under `root`; lstat only, no link followed, no FIFO opened. */
export function snapshotWorkTree(root: string): Record<string, WorkTreeEntry> {
  const tree: Record<string, WorkTreeEntry> = {};
  const walk = (dir: string, prefix: string): void => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      const key = prefix === '' ? name : `${prefix}/${name}`;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(full);
      } catch {
        continue;
      }
      const entry: WorkTreeEntry = { type: typeOf(stat), mode: stat.mode & 0o7777, size: stat.size };
      if (entry.type === 'symlink') {
        try {
          entry.target = fs.readlinkSync(full);
        } catch {
          // vanished
        }
      } else if (entry.type === 'file' && stat.size <= CONTENT_LIMIT) {
        try {
          entry.content = fs.readFileSync(full, 'utf8');
        } catch {
          // unreadable
        }
      }
      tree[key] = entry;
      if (entry.type === 'dir') walk(full, key);
    }
  };
  walk(root, '');
  return tree;
}
