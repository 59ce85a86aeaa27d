// Creating a test's `files` in its work directory before the run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FixtureSpec } from '../spec/types.js';

/** Resolve a path inside the work directory, refusing anything that would leave it. */
export function insideWorkDir(workDir: string, relative: string): string {
  const full = path.resolve(workDir, relative);
  if (full !== workDir && !full.startsWith(workDir + path.sep)) {
    throw new Error(`fixture path ${JSON.stringify(relative)} leaves the work directory`);
  }
  return full;
}

function parseMode(mode: string | undefined): number | undefined {
  if (mode === undefined) return undefined;
  if (!/^0?[0-7]{3,4}$/.test(mode)) throw new Error(`fixture mode ${JSON.stringify(mode)} is not an octal mode like "0640"`);
  return parseInt(mode, 8);
}

/** Create every fixture (parents as needed); modes are applied last so a 0500 dir can be filled. */
export function createFixtures(workDir: string, files: FixtureSpec[]): void {
  const modes: Array<[string, number]> = [];
  for (const fixture of files) {
    const full = insideWorkDir(workDir, fixture.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const type = fixture.type ?? 'file';
    switch (type) {
      case 'file':
        fs.writeFileSync(full, fixture.content ?? '');
        break;
      case 'dir':
        fs.mkdirSync(full, { recursive: true });
        break;
      case 'symlink':
        if (fixture.target === undefined) throw new Error(`symlink fixture ${fixture.path} has no target`);
        fs.symlinkSync(fixture.target, full);
        break;
      case 'fifo':
        execFileSync('mkfifo', [full]);
        break;
    }
    const mode = parseMode(fixture.mode);
    if (mode !== undefined && type !== 'symlink') modes.push([full, mode]);
  }
  // Deepest first, so that a restrictive directory mode does not block its own children.
  modes.sort((a, b) => b[0].length - a[0].length);
  for (const [full, mode] of modes) fs.chmodSync(full, mode);
}
