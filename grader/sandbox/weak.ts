// The weak tier: no namespaces. The supervisor leads its own session and process group, gets a
// clean environment and rlimits, and runs as the slot's uid when the grader is root.
import path from 'node:path';
import { dropPrivilegesArgs, setprivPath } from './identity.js';
import { supervisorScript } from './supervisor.js';
import type { Launch, LaunchRequest, SandboxPaths } from './types.js';

/** In the weak tier the program sees the host paths themselves. */
export function weakPaths(programDir: string, workDir: string): SandboxPaths {
  return { program: programDir, work: workDir };
}

/** The command that starts the supervisor and the program without namespaces. */
export function weakLaunch(request: LaunchRequest): Launch {
  const sh = ['/bin/sh', '-c', supervisorScript(request.limits, false), 'sh', ...request.command];
  const cwd = path.join(request.workDir, request.cwd);
  const uid = request.identity.uid;
  const setpriv = setprivPath();
  if (uid !== undefined && setpriv !== undefined) {
    return { file: setpriv, args: [...dropPrivilegesArgs(uid), ...sh], env: request.env, cwd, waitsForDescendants: false };
  }
  const [file, ...args] = sh;
  return { file: file ?? '/bin/sh', args, env: request.env, cwd, waitsForDescendants: false };
}
