// How many threads a node program has that starts no Worker: TypeScript's baseline that the
// `threads` check subtracts (grader/languages/thread-baselines.ts). Measured once per grader process (per UV_THREADPOOL_SIZE) by a bare ESM
// program that starts libuv's pool (an async read) and counts its own threads. The grader measures
// it before the checks run and hands it to them in the check context: checks never start processes.
import { spawnSync } from 'node:child_process';

const BARE_PROGRAM = `import fs from 'node:fs';
await fs.promises.readFile('/proc/self/stat');
await new Promise((resolve) => setTimeout(resolve, 100));
process.stdout.write(String(fs.readdirSync('/proc/self/task').length));
`;
const baselines = new Map<string, number>();

const BARE_ARGS = ['--input-type=module', '-e', BARE_PROGRAM];

function bareEnvironment(uvThreadpoolSize: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  if (uvThreadpoolSize !== undefined) env.UV_THREADPOOL_SIZE = uvThreadpoolSize;
  return env;
}

/** Threads of a node program that starts no Worker, under this UV_THREADPOOL_SIZE (measured once). */
export function bareThreadCount(uvThreadpoolSize: string | undefined): number {
  const key = uvThreadpoolSize ?? '';
  const known = baselines.get(key);
  if (known !== undefined) return known;
  const result = spawnSync(process.execPath, BARE_ARGS, { env: bareEnvironment(uvThreadpoolSize), timeout: 10_000, encoding: 'utf8' });
  const count = Number(result.stdout.trim());
  if (!Number.isInteger(count) || count <= 0)
    throw new Error(`could not count the threads of a bare node program (${result.stderr.trim() || result.error?.message || 'no output'})`);
  baselines.set(key, count);
  return count;
}
