import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { SCRATCH_VARIABLE, scratchRoot } from '../../grader/run/scratch.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';

const saved = process.env[SCRATCH_VARIABLE];
afterEach(() => {
  if (saved === undefined) delete process.env[SCRATCH_VARIABLE];
  else process.env[SCRATCH_VARIABLE] = saved;
});

describe('the scratch root of runs', () => {
  it('is a RAM file system with room when there is one, else the temp dir', () => {
    delete process.env[SCRATCH_VARIABLE];
    let ram = false;
    try {
      const stats = fs.statfsSync('/dev/shm');
      ram = stats.type === 0x01021994 && stats.bavail * stats.bsize >= 1024 ** 3;
    } catch {
      // no /dev/shm
    }
    expect(scratchRoot()).toBe(ram ? '/dev/shm' : os.tmpdir());
  });

  it('is the folder GRADER_SCRATCH_DIR names, and work directories are made there', () => {
    const chosen = fs.mkdtempSync(`${os.tmpdir()}/scratch-test-`);
    try {
      process.env[SCRATCH_VARIABLE] = chosen;
      expect(scratchRoot()).toBe(chosen);
      const work = createWorkDir();
      expect(work.startsWith(`${chosen}/grader-work-`)).toBe(true);
      expect(fs.statSync(work).mode & 0o777).toBe(0o755);
      removeWorkDir(work);
      expect(fs.readdirSync(chosen)).toEqual([]);
    } finally {
      fs.rmSync(chosen, { recursive: true, force: true });
    }
  });
});
