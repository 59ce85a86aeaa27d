import { readFileSync } from 'node:fs';
import path from 'node:path';
import { grade } from '../grade/grade.js';
import { runAccounted, type Accounting } from './accounting.js';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (ms) of every child process this process has waited for, from /proc (0 elsewhere). */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the command name: field 14 and 15 of the rest are cutime and cstime (stat(5) 16, 17).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CatalogTiming {
  exercises: number;
  tests: number;
  passed: boolean;
  wallMs: number;
  /** CPU time of the grader process and of every program it ran (user + system). */
  cpuMs: number;
  /** Most resident memory of the grader process itself. */
  peakRssMb: number;
}

/** Grades the reference catalog once, timing it (`cacheDir`: the build cache to use). */
export async function timeCatalog(root: string, options: { jobs?: number; cacheDir?: string } = {}): Promise<CatalogTiming> {
  const before = process.resourceUsage();
  const childrenBefore = childrenCpuMs();
  const started = performance.now();
  const summary = await grade({
    root,
    slugs: [],
    solutionsDir: 'reference',
    reporters: [],
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
  });
  const wallMs = performance.now() - started;
  const after = process.resourceUsage();
  const ownCpu = (after.userCPUTime - before.userCPUTime + after.systemCPUTime - before.systemCPUTime) / 1000;
  return {
    exercises: summary.exercises.length,
    tests: summary.exercises.reduce((sum, e) => sum + e.tests.length, 0),
    passed: summary.exercises.every((e) => e.status === 'passed'),
    wallMs,
    cpuMs: ownCpu + childrenCpuMs() - childrenBefore,
    peakRssMb: after.maxRSS / 1024,
  };
}

/**
 * Grades the reference catalog in a fresh grader process (`bench --catalog-once`), so that its
 * peak memory and CPU time are the grading's alone; `tree` is what the grader and every program
 * used together (cgroup accounting, when available; the launcher's start included).
 */
export async function timeCatalogInChild(root: string, cacheDir: string): Promise<CatalogTiming & { tree?: Accounting }> {
  const launcher = path.join(root, 'grader', 'launch.mjs');
  const { stdout, accounting } = await runAccounted(process.execPath, [launcher, 'bench', '--catalog-once', '--cache-dir', cacheDir], root);
  const timing = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as CatalogTiming;
  return accounting === undefined ? timing : { ...timing, tree: accounting };
}
