// Which tier works on this machine: a trivial bubblewrap run is tried once per grader process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { worldExecutable } from './access.js';
import { bubblewrapLaunch, bubblewrapPath } from './bubblewrap.js';
import { isRoot, PROBE_UID, setprivPath } from './identity.js';
import { GUARANTEES, type Guarantee, type ResolvedLimits, type SandboxInfo, type SandboxTier } from './types.js';

/** Environment variable that forces a tier: "weak", or "bubblewrap" (an error if it does not work). */
export const SANDBOX_VARIABLE = 'GRADER_SANDBOX';

const NOTES: Record<Guarantee, string> = {
  'PID namespace': 'the program sees and may signal other processes of the machine',
  'network isolation': 'the program can open network connections',
  'read-only filesystem': 'the program can write wherever its user may (e.g. /tmp), not only its work directory',
  'hidden repository': 'the program can read the repository (specs, references) if file permissions allow',
  'process cap': "the number of processes is not capped (root ignores RLIMIT_NPROC), or is shared with the user's own processes",
  'memory cap': 'memory is not capped',
  'clean environment': "the program can read the grader's environment through /proc/<pid>/environ",
  'complete tree kill': 'a descendant that leaves the process group and clears its environment can survive the run',
};

const PROBE_LIMITS: ResolvedLimits = { outputBytes: 1 << 20, memoryMb: 64, dataMb: 1024, processes: 64 };

function describe(tier: SandboxTier, reason: string, dropsPrivileges: boolean): SandboxInfo {
  const missing = new Set<Guarantee>();
  if (tier === 'weak') {
    missing.add('PID namespace').add('network isolation').add('read-only filesystem').add('hidden repository');
    if (!dropsPrivileges) {
      missing.add('clean environment').add('complete tree kill');
      if (isRoot()) missing.add('process cap');
    }
  } else if (isRoot() && !dropsPrivileges) {
    missing.add('process cap');
  }
  const guarantees = GUARANTEES.filter((g) => !missing.has(g));
  return {
    tier,
    reason,
    guarantees,
    missing: [...missing],
    notes: [...missing].map((g) => `${g}: ${NOTES[g]}`),
    dropsPrivileges,
  };
}

/** Can runs drop to a per-slot unprivileged uid? */
function canDropPrivileges(): boolean {
  return isRoot() && setprivPath() !== undefined && worldExecutable(process.execPath);
}

async function tryBubblewrap(dropsPrivileges: boolean): Promise<string | undefined> {
  if (bubblewrapPath() === undefined) return 'bwrap is not installed';
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'grader-probe-'));
  try {
    fs.chmodSync(base, 0o755);
    const programDir = path.join(base, 'program');
    const workDir = path.join(base, 'work');
    fs.mkdirSync(programDir, { mode: 0o755 });
    fs.mkdirSync(workDir, { mode: 0o755 });
    if (dropsPrivileges) fs.chownSync(workDir, PROBE_UID, PROBE_UID);
    const launch = bubblewrapLaunch({
      tier: 'bubblewrap',
      programDir,
      workDir,
      cwd: '',
      command: ['/bin/sh', '-c', 'exit 0'],
      env: {},
      limits: PROBE_LIMITS,
      identity: { uid: dropsPrivileges ? PROBE_UID : undefined, release: () => undefined },
    });
    const result = await execa(launch.file, launch.args, {
      env: launch.env,
      extendEnv: false,
      cwd: launch.cwd,
      reject: false,
      timeout: 10_000,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    if (result.exitCode === 0) return undefined;
    const stderr =
      String(result.stderr ?? '')
        .trim()
        .split('\n')[0] ?? '';
    return `a trial bubblewrap run failed (${stderr || `exit ${String(result.exitCode)}`})`;
  } catch (error) {
    return `a trial bubblewrap run failed (${(error as Error).message})`;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function detect(forced: string | undefined): Promise<SandboxInfo> {
  const drops = canDropPrivileges();
  if (forced === 'weak') return describe('weak', `forced by ${SANDBOX_VARIABLE}=weak`, drops);
  const failure = await tryBubblewrap(drops);
  if (failure === undefined) return describe('bubblewrap', 'bubblewrap works', drops);
  if (forced === 'bubblewrap') throw new Error(`${SANDBOX_VARIABLE}=bubblewrap, but ${failure}`);
  return describe('weak', failure, drops);
}

const cache = new Map<string, Promise<SandboxInfo>>();

/** The tier in use and what it guarantees (cached per value of GRADER_SANDBOX). */
export function detectSandbox(): Promise<SandboxInfo> {
  const forced = process.env[SANDBOX_VARIABLE]?.trim() || undefined;
  const key = forced ?? '';
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = detect(forced);
    cache.set(key, pending);
  }
  return pending;
}

/** The description of a tier without running anything (to force one, e.g. in tests). */
export function describeTier(tier: SandboxTier, reason: string): SandboxInfo {
  return describe(tier, reason, canDropPrivileges());
}

/** One console line: the tier, and what it does not guarantee. */
export function sandboxSummary(info: SandboxInfo): string {
  const head = `sandbox: ${info.tier} (${info.reason})`;
  return info.missing.length === 0 ? `${head}; all guarantees hold` : `${head}; NOT guaranteed: ${info.missing.join(', ')}`;
}
