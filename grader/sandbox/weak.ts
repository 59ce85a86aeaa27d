// The weak tier: no namespaces. The supervisor leads its own session and process group, gets a
// clean environment and rlimits, and runs as the slot's uid when the grader is root.
import fs from 'node:fs';
import path from 'node:path';
import { dropPrivilegesArgs, setprivPath } from './identity.js';
import { supervisorScript } from './supervisor.js';
import type { Tier } from './tier.js';
import type { Launch, LaunchRequest, SandboxPaths } from './types.js';
import { weakTree } from './weak-tree.js';

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

/** The path with symbolic links resolved (as given if it cannot be). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The weak tier: host paths, seen with symbolic links resolved (as node and getcwd() resolve them). */
export const weakTier: Tier = {
  name: 'weak',
  paths: weakPaths,
  launch: weakLaunch,
  join: (...parts) => path.join(...parts),
  seenPath: realPath,
  tree: weakTree,
};
