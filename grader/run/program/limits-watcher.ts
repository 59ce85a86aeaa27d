// The limits of a running program, looked at on a ticker: the main process's resident memory, the
// whole tree's memory, the size of its output, and how long it has printed nothing.
import fs from 'node:fs';
import type { ResolvedLimits } from '../../sandbox/types.js';
import { lastLine, shorten } from '../../util/text.js';
import { readCapped } from '../output.js';
import { readTreeActivity, workedBetween, type TreeActivity } from '../tree-activity.js';
import { anonymousMb } from '../tree-memory.js';
import type { OutputFiles } from './output-files.js';
import type { Termination } from './termination.js';

/** How often the limits are looked at (ms). */
export const WATCH_EVERY_MS = 20;
/** The whole tree's memory is summed every this many looks (children can hoard too). */
const TREE_MEMORY_EVERY = 5;
/** How much of the last line an idle ("no-progress") detail quotes. */
const QUOTED_LINE_CHARS = 200;

/** What the watcher looks at. */
export interface WatchedRun {
  limits: ResolvedLimits;
  /** Stop when nothing has been printed for this long (ms); none when undefined. */
  idleTimeoutMs?: number | undefined;
  files: OutputFiles;
  /** Called before each look (e.g. to find pids that appeared). */
  beforeLook(): void;
  /** The main process's host pid while it runs, for its resident memory. */
  mainHostPid(): number | undefined;
  /** Every process of the run on the host. */
  treePids(): number[];
  termination: Termination;
}

/** Resident memory of a process in MiB (VmRSS), if readable. */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** The memory-limit detail when the main process or the whole tree is over the cap. */
function memoryOverCap(run: WatchedRun, looks: number): string | undefined {
  const cap = run.limits.memoryMb;
  const mainPid = run.mainHostPid();
  const rssMb = mainPid === undefined ? undefined : residentMb(mainPid);
  if (rssMb !== undefined && rssMb > cap) return `the main process used ${Math.round(rssMb)} MiB of memory (the cap is ${cap} MiB)`;
  if (looks % TREE_MEMORY_EVERY !== 0) return undefined;
  const treeMb = anonymousMb(run.treePids());
  return treeMb > cap ? `the program's processes used ${Math.round(treeMb)} MiB of memory together (the cap is ${cap} MiB)` : undefined;
}

/** Tells how long the output has not grown, and which stream grew last (`since`: when it last grew). */
function idleTracker(files: OutputFiles): (outSize: number, errSize: number) => { idleMs: number; lastPath: string; since: number } {
  let lastOut = 0;
  let lastErr = 0;
  let lastGrowth = performance.now();
  let lastPath = files.outPath;
  return (outSize, errSize) => {
    if (outSize !== lastOut || errSize !== lastErr) {
      lastPath = errSize !== lastErr && outSize === lastOut ? files.errPath : files.outPath;
      lastOut = outSize;
      lastErr = errSize;
      lastGrowth = performance.now();
    }
    return { idleMs: performance.now() - lastGrowth, lastPath, since: lastGrowth };
  };
}

/** A reading of the tree's activity during a silent period (`since`: when that silence began). */
interface Checkpoint {
  since: number;
  atMs: number;
  activity: TreeActivity;
}

/**
 * "No progress" means silent AND not working. Half-way through the idle threshold the tree's CPU
 * time and CPU waiting are read once; at the threshold they are read again: a tree that ran or
 * waited for a CPU meanwhile (computing, starting up on a busy machine) is not stuck, and is looked
 * at again half a threshold later (the run's timeout still bounds it). Returns true when the run
 * is stuck: silent for the threshold and idle since the last reading.
 */
function stuckTracker(idleTimeoutMs: number, treePids: () => number[]): (idleMs: number, since: number) => boolean {
  const half = idleTimeoutMs / 2;
  let checkpoint: Checkpoint | undefined;
  return (idleMs, since) => {
    if (idleMs < half) return false;
    const now = performance.now();
    if (checkpoint === undefined || checkpoint.since !== since) {
      checkpoint = { since, atMs: now, activity: readTreeActivity(treePids()) };
      return false;
    }
    if (idleMs < idleTimeoutMs || now - checkpoint.atMs < half) return false;
    const activity = readTreeActivity(treePids());
    if (!workedBetween(checkpoint.activity, activity, now - checkpoint.atMs)) return true;
    checkpoint = { since, atMs: now, activity };
    return false;
  };
}

/** The no-progress detail: how long nothing was printed, after which line. */
function idleDetail(idleTimeoutMs: number, file: string, cap: number): string {
  const last = lastLine(readCapped(file, cap).text);
  if (last === undefined) return `nothing was printed for ${idleTimeoutMs} ms (no output at all)`;
  return `nothing was printed for ${idleTimeoutMs} ms after ${JSON.stringify(shorten(last, QUOTED_LINE_CHARS))}`;
}

/** Starts looking every WATCH_EVERY_MS; stops the run at the first limit it is over. Returns what stops the ticker. */
export function watchLimits(run: WatchedRun): () => void {
  const { limits, files, termination } = run;
  const idle = idleTracker(files);
  const stuck = run.idleTimeoutMs === undefined ? undefined : stuckTracker(run.idleTimeoutMs, () => run.treePids());
  let looks = 0;
  const look = (): void => {
    run.beforeLook();
    const memory = memoryOverCap(run, ++looks);
    if (memory !== undefined) return termination.stop('memory-limit', memory);
    const outSize = fs.fstatSync(files.outFd).size;
    const errSize = fs.fstatSync(files.errFd).size;
    if (outSize >= limits.outputBytes || errSize >= limits.outputBytes) {
      const stream = outSize >= limits.outputBytes ? 'stdout' : 'stderr';
      return termination.stop('output-limit', `${stream} reached the cap of ${limits.outputBytes} bytes`);
    }
    const { idleMs, lastPath, since } = idle(outSize, errSize);
    if (run.idleTimeoutMs !== undefined && stuck?.(idleMs, since) === true) {
      // Past the threshold only when the program worked (silently) for a while first.
      const silentMs = idleMs < run.idleTimeoutMs * 1.5 ? run.idleTimeoutMs : Math.round(idleMs);
      termination.stop('no-progress', idleDetail(silentMs, lastPath, limits.outputBytes));
    }
  };
  const ticker = setInterval(look, WATCH_EVERY_MS);
  return () => clearInterval(ticker);
}
