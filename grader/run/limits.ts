// Default caps of a run.
import type { ResolvedLimits } from '../sandbox/types.js';
import { DEFAULT_UMASK } from '../sandbox/supervisor.js';
import type { RunLimits } from './types.js';

/** Caps used when a request leaves them open. */
export const DEFAULT_LIMITS: ResolvedLimits = {
  outputBytes: 8 * 1024 * 1024,
  heapMb: 512,
  dataMb: 4096,
  processes: 512,
};

/** Fill in the defaults. */
export function resolveLimits(limits: RunLimits = {}): ResolvedLimits {
  return {
    outputBytes: limits.outputBytes ?? DEFAULT_LIMITS.outputBytes,
    heapMb: limits.heapMb ?? DEFAULT_LIMITS.heapMb,
    dataMb: limits.dataMb ?? DEFAULT_LIMITS.dataMb,
    processes: limits.processes ?? DEFAULT_LIMITS.processes,
    umask: limits.umask ?? DEFAULT_UMASK,
  };
}
