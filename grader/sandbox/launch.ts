// Choosing the tier's paths and command line.
import { BUBBLEWRAP_PATHS, bubblewrapLaunch } from './bubblewrap.js';
import type { Launch, LaunchRequest, SandboxPaths, SandboxTier } from './types.js';
import { weakLaunch, weakPaths } from './weak.js';

/** Where the program will see its program and work directories. */
export function sandboxPaths(tier: SandboxTier, programDir: string, workDir: string): SandboxPaths {
  return tier === 'bubblewrap' ? BUBBLEWRAP_PATHS : weakPaths(programDir, workDir);
}

/** The command line that starts one program in the requested tier. */
export function buildLaunch(request: LaunchRequest): Launch {
  return request.tier === 'bubblewrap' ? bubblewrapLaunch(request) : weakLaunch(request);
}
