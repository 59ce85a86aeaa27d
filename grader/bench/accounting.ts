// Exact CPU time and peak memory of a command and every process it starts, through cgroup v1
// cpuacct and memory controllers (root only). Programs run by the grader are not all reaped by
// it (bwrap's namespace init outlives bwrap), so the grader's own getrusage undercounts them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What a command and its descendants used. */
export interface Accounting {
  cpuMs: number;
  peakMemoryMb: number;
}

const CONTROLLERS = ['cpuacct', 'memory'] as const;

/** Set in the environment of a command that runs in its own cgroups (see ownCpuNs). */
export const ACCOUNTED_VARIABLE = 'GRADER_BENCH_ACCOUNTED';

/**
 * CPU time (ns) used so far by this process's own cgroup (itself and every descendant), when it
 * was started by runAccounted; undefined otherwise (the root group would count the whole machine).
 */
export function ownCpuNs(): number | undefined {
  if (process.env[ACCOUNTED_VARIABLE] !== '1') return undefined;
  try {
    const line = fs
      .readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[1]?.split(',').includes('cpuacct'));
    return Number(fs.readFileSync(path.join('/sys/fs/cgroup/cpuacct', line?.split(':')[2] ?? '/', 'cpuacct.usage'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The directory of a new cgroup under this process's own, per controller (undefined if cgroup v1 is not writable here). */
function createGroups(name: string): Record<(typeof CONTROLLERS)[number], string> | undefined {
  let own: string;
  try {
    own = fs.readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return undefined;
  }
  const dirs: Partial<Record<(typeof CONTROLLERS)[number], string>> = {};
  for (const controller of CONTROLLERS) {
    const line = own.split('\n').find((l) => l.split(':')[1]?.split(',').includes(controller));
    const base = path.join('/sys/fs/cgroup', controller, line?.split(':')[2] ?? '/');
    const dir = path.join(base, name);
    try {
      fs.mkdirSync(dir);
    } catch {
      removeGroups(Object.values(dirs));
      return undefined;
    }
    dirs[controller] = dir;
  }
  return dirs as Record<(typeof CONTROLLERS)[number], string>;
}

function removeGroups(dirs: string[]): void {
  for (const dir of dirs) {
    try {
      fs.rmdirSync(dir);
    } catch {
      // still has tasks (they are gone soon) or already removed
    }
  }
}

function groupEmpty(dir: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, 'tasks'), 'utf8').trim() === '';
  } catch {
    return true;
  }
}

/**
 * Runs `file args` in fresh cgroups and resolves with its standard output and, where cgroup v1
 * can be used, what it and its descendants used (else `accounting` is undefined).
 */
export async function runAccounted(file: string, args: string[], cwd: string): Promise<{ stdout: string; accounting?: Accounting }> {
  const groups = createGroups(`grader-bench-${process.pid}-${Date.now()}`);
  // The shell joins the groups, then becomes the command: everything it starts is counted.
  const join = groups === undefined ? '' : `echo $$ > '${groups.cpuacct}/tasks' && echo $$ > '${groups.memory}/tasks' && `;
  const env = groups === undefined ? process.env : { ...process.env, [ACCOUNTED_VARIABLE]: '1' };
  const child = spawn('/bin/sh', ['-c', `${join}exec "$@"`, 'sh', file, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  try {
    if (status !== 0) throw new Error(`${file} ${args.join(' ')} exited with status ${String(status)}`);
    if (groups === undefined) return { stdout };
    // Namespace inits outlive their bwrap by a moment: wait until every counted process is gone.
    for (let i = 0; i < 200 && !(groupEmpty(groups.cpuacct) && groupEmpty(groups.memory)); i++) await new Promise((r) => setTimeout(r, 10));
    const cpuNs = Number(fs.readFileSync(path.join(groups.cpuacct, 'cpuacct.usage'), 'utf8'));
    const peakBytes = Number(fs.readFileSync(path.join(groups.memory, 'memory.max_usage_in_bytes'), 'utf8'));
    return { stdout, accounting: { cpuMs: cpuNs / 1e6, peakMemoryMb: peakBytes / 1024 ** 2 } };
  } finally {
    if (groups !== undefined) removeGroups(Object.values(groups));
  }
}
