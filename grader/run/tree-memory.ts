// The memory of a run's whole process tree: the main process is watched by its resident size,
// but children (a fork that hoards, a tree of them) must count too, or a few of them, each under
// the per-process data limit, can take the machine's memory.
import fs from 'node:fs';

/** Private resident memory (RssAnon) of the processes together, in MiB (files and shared pages excluded). */
export function anonymousMb(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const value = /^RssAnon:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (value !== undefined) kb += Number(value);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}
