import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { buildSolution } from '../build/build.js';
import type { BuiltProgram } from '../build/types.js';
import { createWorkDir, detectSandbox, removeWorkDir, runProgram, runTest } from '../run/index.js';
import { parseSpec } from '../spec/load.js';
import type { TestSpec } from '../spec/types.js';
import { ownCpuNs } from './accounting.js';
import { median, percentile } from '../util/statistics.js';

export interface OverheadResult {
  runs: number;
  tier: string;
  bareMs: { median: number; p90: number };
  gradedMs: { median: number; p90: number };
  /** Median of graded minus median of bare. */
  overheadMs: number;
  /** A whole test (work directory, session, the run, the final work tree), as grading runs one. */
  testMs: { median: number; p90: number };
  /** Median of a whole test minus median of bare. */
  testOverheadMs: number;
  /** Median CPU time (grader and every process) of a bare run, a graded run and a whole test, when a cgroup counts it. */
  cpuMs?: { bare: number; graded: number; test: number };
}

/** Runs `timed` and adds the CPU time its work used (this process's cgroup) to `cpu`, if counted. */
async function withCpu(cpu: number[], timed: () => Promise<number>): Promise<number> {
  const before = ownCpuNs();
  const elapsed = await timed();
  const after = ownCpuNs();
  if (before !== undefined && after !== undefined) cpu.push((after - before) / 1e6);
  return elapsed;
}

const HELLO_TEST = `slug: bench
title: bench
tests:
  - name: hello
    checks: [{ check: exit }]
`;

const HELLO = "console.log('hello');\n";

/** Environment of the bare runs: what the sandbox gives the program, so that both start alike. */
function bareEnvironment(workDir: string): Record<string, string> {
  return { PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: workDir, LANG: 'C.UTF-8' };
}

async function timeBare(program: BuiltProgram, workDir: string): Promise<number> {
  const started = performance.now();
  const result = await execa(process.execPath, [path.join(program.dir, program.entry)], {
    cwd: workDir,
    env: bareEnvironment(workDir),
    extendEnv: false,
    reject: false,
  });
  if (result.stdout !== 'hello') throw new Error(`the bare run printed ${JSON.stringify(result.stdout)}`);
  return performance.now() - started;
}

async function timeGraded(program: BuiltProgram): Promise<number> {
  const workDir = createWorkDir();
  const started = performance.now();
  const run = await runProgram({ name: 'main', program, args: [], env: {}, workDir, timeoutMs: 10_000 });
  const elapsed = performance.now() - started;
  removeWorkDir(workDir);
  if (run.stdout !== 'hello\n') throw new Error(`the graded run printed ${JSON.stringify(run.stdout)} (${run.ending})`);
  return elapsed;
}

async function timeTest(program: BuiltProgram, test: TestSpec): Promise<number> {
  const started = performance.now();
  const { runs } = await runTest(test, program);
  const elapsed = performance.now() - started;
  if (runs.main?.stdout !== 'hello\n') throw new Error(`the test's run printed ${JSON.stringify(runs.main?.stdout)} (${runs.main?.ending})`);
  return elapsed;
}

/**
 * The grader's cost per program run: a hello-world run bare (`node hello.js`, same clean
 * environment), through the grader's runner (sandbox, limits, capture) and as a whole test
 * (work directory and session too), alternated `runs` times.
 */
export async function measureOverhead(runs: number, cacheDir: string): Promise<OverheadResult> {
  const source = await mkdtemp(path.join(tmpdir(), 'bench-hello-'));
  await writeFile(path.join(source, 'solution.ts'), HELLO);
  const built = await buildSolution(source, { cacheDir });
  if (!built.ok) throw new Error(built.message);
  const sandbox = await detectSandbox();
  const bareWork = await mkdtemp(path.join(tmpdir(), 'bench-bare-'));
  const test = parseSpec(HELLO_TEST, 'bench.yaml').tests[0]!;
  const bare: number[] = [];
  const graded: number[] = [];
  const tests: number[] = [];
  // One warm-up of each, not counted.
  await timeBare(built.program, bareWork);
  await timeGraded(built.program);
  await timeTest(built.program, test);
  const cpu = { bare: [] as number[], graded: [] as number[], test: [] as number[] };
  for (let i = 0; i < runs; i++) {
    bare.push(await withCpu(cpu.bare, () => timeBare(built.program, bareWork)));
    graded.push(await withCpu(cpu.graded, () => timeGraded(built.program)));
    tests.push(await withCpu(cpu.test, () => timeTest(built.program, test)));
  }
  await rm(source, { recursive: true, force: true });
  await rm(bareWork, { recursive: true, force: true });
  return {
    runs,
    tier: sandbox.tier,
    bareMs: { median: median(bare), p90: percentile(bare, 0.9) },
    gradedMs: { median: median(graded), p90: percentile(graded, 0.9) },
    overheadMs: median(graded) - median(bare),
    testMs: { median: median(tests), p90: percentile(tests, 0.9) },
    testOverheadMs: median(tests) - median(bare),
    ...(cpu.bare.length === runs ? { cpuMs: { bare: median(cpu.bare), graded: median(cpu.graded), test: median(cpu.test) } } : {}),
  };
}
