// Default caps of a run.
import type { ResolvedLimits } from '../sandbox/types.js';
import { DEFAULT_UMASK } from '../sandbox/supervisor.js';
import type { RunLimits } from './types.js';

/** Caps used when a request leaves them open. */
export const DEFAULT_LIMITS: ResolvedLimits = {
  outputBytes: 8 * 1024 * 1024,
  memoryMb: 2048,
  dataMb: 4096,
  processes: 512,
};

/**
 * The environment variable that lowers every run's memory cap, for machines smaller than the
 * default cap (Gradescope's default container has 768 MB in all; its run_autograder sets 512).
 */
export const MEMORY_CEILING_ENV = 'GRADER_MEMORY_CAP_MB';

/** The ceiling MEMORY_CEILING_ENV sets (undefined when absent or not a positive whole number). */
export function memoryCeilingMb(env: Record<string, string | undefined> = process.env): number | undefined {
  const value = env[MEMORY_CEILING_ENV];
  return value !== undefined && /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

/** Fill in the defaults. */
export function resolveLimits(limits: RunLimits = {}): ResolvedLimits {
  const memoryMb = limits.memoryMb ?? DEFAULT_LIMITS.memoryMb;
  const ceiling = memoryCeilingMb();
  const resolved: ResolvedLimits = {
    outputBytes: limits.outputBytes ?? DEFAULT_LIMITS.outputBytes,
    memoryMb: ceiling === undefined ? memoryMb : Math.min(memoryMb, ceiling),
    dataMb: limits.dataMb ?? DEFAULT_LIMITS.dataMb,
    processes: limits.processes ?? DEFAULT_LIMITS.processes,
    umask: limits.umask ?? DEFAULT_UMASK,
  };
  // No V8 flag by default: any costs node 10-20 ms at start (measured).
  if (limits.heapMb !== undefined) resolved.heapMb = limits.heapMb;
  return resolved;
}
