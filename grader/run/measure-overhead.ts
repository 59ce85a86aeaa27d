// Measures what a sandboxed run costs over running the built program bare (both with a clean
// environment: this machine's NODE_EXTRA_CA_CERTS alone costs node ~40 ms).
// Run: npx vite-node grader/run/measure-overhead.ts [ROUNDS]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { detectSandbox, sandboxSummary } from '../sandbox/detect.js';
import { programPath } from '../sandbox/environment.js';
import type { SandboxTier } from '../sandbox/types.js';
import { runProgram } from './run-program.js';
import { runTest } from './run-test.js';
import type { TestSpec } from '../spec/types.js';
import { createWorkDir, removeWorkDir } from './work-dir.js';
import { median } from '../util/statistics.js';

const rounds = Number(process.argv[2] ?? 20);
const dir = fileURLToPath(new URL('../../test/fixtures/programs/', import.meta.url));
const program = { dir, entry: 'hello.mjs', sourceDir: dir };
const test: TestSpec = {
  name: 'hello',
  points: 1,
  hidden: false,
  args: [],
  env: {},
  files: [],
  timeoutMs: 5000,
  trials: 1,
  observe: false,
  exclusive: false,
  processes: [],
  checks: [],
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function bare(): Promise<void> {
  const env = { PATH: programPath(), HOME: '/tmp', LANG: 'C.UTF-8' };
  const result = await execa(process.execPath, [path.join(dir, 'hello.mjs')], { env, extendEnv: false, reject: false });
  if (result.stdout !== 'hello') throw new Error('bare run failed');
}

async function sandboxed(tier: SandboxTier): Promise<void> {
  const workDir = createWorkDir();
  try {
    const run = await runProgram({ name: 'main', program, args: [], env: {}, workDir, timeoutMs: 5000, tier });
    if (run.stdout !== 'hello\n') throw new Error(`${tier} run failed: ${run.ending} ${run.stderr}`);
  } finally {
    removeWorkDir(workDir);
  }
}

async function viaRunTest(tier: SandboxTier): Promise<void> {
  const { runs } = await runTest(test, program, { tier });
  if (runs.main?.stdout !== 'hello\n') throw new Error(`${tier} runTest failed`);
}

const info = await detectSandbox();
console.log(sandboxSummary(info));
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];
const samples: Record<string, number[]> = { bare: [] };
for (const tier of tiers) {
  samples[`runProgram ${tier}`] = [];
  samples[`runTest ${tier}`] = [];
}
// Warm up, then interleave so that load drifts hit every kind alike.
await bare();
for (const tier of tiers) await sandboxed(tier);
for (let i = 0; i < rounds; i++) {
  samples.bare?.push(await time(bare));
  for (const tier of tiers) {
    samples[`runProgram ${tier}`]?.push(await time(() => sandboxed(tier)));
    samples[`runTest ${tier}`]?.push(await time(() => viaRunTest(tier)));
  }
}
const base = median(samples.bare ?? []);
for (const [name, values] of Object.entries(samples)) {
  const m = median(values);
  const extra = name === 'bare' ? '' : `  (+${(m - base).toFixed(1)} ms)`;
  console.log(`${name.padEnd(22)} median of ${values.length}: ${m.toFixed(1)} ms${extra}`);
}
