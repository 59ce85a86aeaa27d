// Where runs keep their scratch files (work directories, captured output): a RAM file system
// when the machine has one with room, else the temp dir. Creating and removing a run's files
// there costs ~0.1 ms instead of ~2 ms on this machine's ext4 /tmp (measured), twice a run.
import fs from 'node:fs';
import os from 'node:os';

/** Environment variable naming the scratch directory explicitly. */
export const SCRATCH_VARIABLE = 'GRADER_SCRATCH_DIR';

const RAM_DIR = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;
/** Less free room than this, and the temp dir is used: captured output alone may take 16 MiB a run. */
const MIN_FREE_BYTES = 1024 ** 3;

function ramDirUsable(): boolean {
  try {
    fs.accessSync(RAM_DIR, fs.constants.W_OK | fs.constants.X_OK);
    const stats = fs.statfsSync(RAM_DIR);
    // World-writable and sticky, like /tmp, so that a run's uid can reach its work directory.
    const sticky = (fs.statSync(RAM_DIR).mode & 0o1777) === 0o1777;
    return stats.type === TMPFS_MAGIC && stats.bavail * stats.bsize >= MIN_FREE_BYTES && sticky;
  } catch {
    return false;
  }
}

let cached: string | undefined;

/** The directory under which runs create their scratch files ($GRADER_SCRATCH_DIR, /dev/shm or the temp dir). */
export function scratchRoot(): string {
  const chosen = process.env[SCRATCH_VARIABLE]?.trim();
  if (chosen) return chosen;
  cached ??= ramDirUsable() ? RAM_DIR : os.tmpdir();
  return cached;
}
