// The bubblewrap tier: PID, network, mount, IPC, UTS and user namespaces; a read-only /usr and
// nothing else of the host but the program (read-only) and the work directory (read-write).
import fs from 'node:fs';
import path from 'node:path';
import { dropPrivilegesArgs, setprivPath } from './identity.js';
import { supervisorScript } from './supervisor.js';
import { bubblewrapTree } from './bubblewrap-tree.js';
import type { Tier } from './tier.js';
import type { Launch, LaunchRequest, SandboxPaths } from './types.js';

/** Where the program and the work directory appear inside the sandbox. */
export const BUBBLEWRAP_PATHS: SandboxPaths = { program: '/sandbox/program', work: '/sandbox/work' };

const SYSTEM_DIRS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
// Harmless files some programs read (user names, time zone, resolver order, alternatives).
const ETC_FILES = ['/etc/ld.so.cache', '/etc/passwd', '/etc/group', '/etc/localtime', '/etc/nsswitch.conf', '/etc/hosts', '/etc/alternatives'];

let bwrapCache: string | null | undefined;

/** Absolute path of bwrap, if installed. */
export function bubblewrapPath(): string | undefined {
  if (bwrapCache === undefined) {
    bwrapCache = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'].find((p) => fs.existsSync(p)) ?? null;
  }
  return bwrapCache ?? undefined;
}

function systemBinds(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const dir of SYSTEM_DIRS) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push('--symlink', fs.readlinkSync(dir), dir);
    else if (stat.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  for (const file of ETC_FILES) args.push('--ro-bind-try', file, file);
  return args;
}

/** Node's install directory, when it is not under /usr (which is bound anyway). */
export function nodeInstallDirs(nodeExecPath: string = process.execPath): string[] {
  let real: string;
  try {
    real = fs.realpathSync(nodeExecPath);
  } catch {
    return [];
  }
  return [...new Set([nodeExecPath, real])].filter((file) => !file.startsWith('/usr/')).map((file) => path.dirname(path.dirname(file)));
}

/** The language runtime's own directories, read-only. */
function runtimeBinds(dirs: readonly string[]): string[] {
  return [...new Set(dirs)].flatMap((dir) => ['--ro-bind', dir, dir]);
}

/** The bwrap arguments before the command. */
export function bubblewrapArgs(request: LaunchRequest, nodeExecPath: string = process.execPath): string[] {
  const args = [
    ...systemBinds(),
    ...runtimeBinds(request.runtimeDirs ?? nodeInstallDirs(nodeExecPath)),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--ro-bind',
    request.programDir,
    BUBBLEWRAP_PATHS.program,
    '--bind',
    request.workDir,
    BUBBLEWRAP_PATHS.work,
    '--chdir',
    path.posix.join(BUBBLEWRAP_PATHS.work, request.cwd),
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    // The root is bwrap's own tmpfs: without this, /etc or /sandbox would take writes (lost, but surprising).
    '--remount-ro',
    '/',
    '--clearenv',
  ];
  for (const [name, value] of Object.entries(request.env)) args.push('--setenv', name, value);
  return args;
}

/** The command that starts the supervisor and the program inside bubblewrap. */
export function bubblewrapLaunch(request: LaunchRequest): Launch {
  const bwrap = bubblewrapPath();
  if (bwrap === undefined) throw new Error('bwrap is not installed');
  const inner = [...bubblewrapArgs(request), '--', '/bin/sh', '-c', supervisorScript(request.limits, true), 'sh', ...request.command];
  const uid = request.identity.uid;
  const setpriv = setprivPath();
  if (uid !== undefined && setpriv !== undefined) {
    // Dropped before bwrap: under `bwrap --uid` started by root, RLIMIT_NPROC is not enforced.
    return { file: setpriv, args: [...dropPrivilegesArgs(uid), bwrap, ...inner], env: {}, cwd: '/', waitsForDescendants: true };
  }
  return { file: bwrap, args: inner, env: {}, cwd: '/', waitsForDescendants: true };
}

/** The bubblewrap tier: fixed paths inside the sandbox, seen as they are. */
export const bubblewrapTier: Tier = {
  name: 'bubblewrap',
  paths: () => BUBBLEWRAP_PATHS,
  launch: bubblewrapLaunch,
  join: (...parts) => path.posix.join(...parts),
  seenPath: (sandboxPath) => sandboxPath,
  tree: bubblewrapTree,
};
