import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtures } from '../../grader/run/fixtures.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { snapshotWorkTree } from '../../grader/run/work-tree.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) removeWorkDir(dir);
  dirs = [];
});
function workDir(): string {
  const dir = createWorkDir();
  dirs.push(dir);
  return dir;
}

describe('fixtures and the work tree', () => {
  it('creates every kind of fixture and snapshots it without following links or opening FIFOs', () => {
    const dir = workDir();
    createFixtures(dir, [
      { path: 'data/a.txt', content: 'A\n', mode: '0640' },
      { path: 'keep.txt', content: 'untouched', mode: '0444' },
      { path: 'empty', type: 'dir' },
      { path: 'locked', type: 'dir', mode: '0500' },
      { path: 'locked/inside.txt', content: 'in' },
      { path: 'link', type: 'symlink', target: 'data/a.txt' },
      { path: 'loop/up', type: 'symlink', target: '..' },
      { path: 'pipe', type: 'fifo', mode: '0600' },
    ]);
    // Following `loop/up` would list loop/up/loop/up/...; opening the FIFO would block: the exact
    // list of entries (and the test's own timeout) prove neither happens, without timing it.
    const tree = snapshotWorkTree(dir);
    expect(Object.keys(tree)).toEqual(['data', 'data/a.txt', 'empty', 'keep.txt', 'link', 'locked', 'locked/inside.txt', 'loop', 'loop/up', 'pipe']);
    expect(tree['data/a.txt']).toEqual({ type: 'file', mode: 0o640, size: 2, content: 'A\n' });
    expect(tree['keep.txt']).toMatchObject({ mode: 0o444, content: 'untouched' });
    expect(tree.empty).toMatchObject({ type: 'dir' });
    expect(tree.locked).toMatchObject({ type: 'dir', mode: 0o500 });
    expect(tree.link).toMatchObject({ type: 'symlink', target: 'data/a.txt' });
    expect(tree['loop/up']).toMatchObject({ type: 'symlink', target: '..' });
    expect(tree.pipe).toMatchObject({ type: 'fifo', mode: 0o600 });
  });

  it('refuses fixture paths that leave the work directory', () => {
    const dir = workDir();
    expect(() => createFixtures(dir, [{ path: '../outside.txt', content: 'x' }])).toThrow(/leaves the work directory/);
    expect(fs.existsSync(path.join(dir, '..', 'outside.txt'))).toBe(false);
  });

  it('removes a work directory whatever its permissions became', () => {
    const dir = createWorkDir();
    createFixtures(dir, [{ path: 'a/b/c.txt', content: 'x' }]);
    fs.chmodSync(path.join(dir, 'a', 'b'), 0);
    fs.chmodSync(path.join(dir, 'a'), 0);
    removeWorkDir(dir);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
