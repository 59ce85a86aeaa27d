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

/** Fill in the defaults. */
export function resolveLimits(limits: RunLimits = {}): ResolvedLimits {
  const resolved: ResolvedLimits = {
    outputBytes: limits.outputBytes ?? DEFAULT_LIMITS.outputBytes,
    memoryMb: limits.memoryMb ?? DEFAULT_LIMITS.memoryMb,
    dataMb: limits.dataMb ?? DEFAULT_LIMITS.dataMb,
    processes: limits.processes ?? DEFAULT_LIMITS.processes,
    umask: limits.umask ?? DEFAULT_UMASK,
  };
  // No V8 flag by default: any costs node 10-20 ms at start (measured).
  if (limits.heapMb !== undefined) resolved.heapMb = limits.heapMb;
  return resolved;
}
