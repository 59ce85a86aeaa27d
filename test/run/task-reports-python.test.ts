// End to end, in each tier: a Python program's threads and forked children are counted from what
// its runtime reports (grader/languages/python/task-bootstrap.ts), however short they live, also
// while two CPU burners load the machine; and the observed run is the program's run as without it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBurners, type Burners } from '../../grader/bench/burners.js';
import type { BuiltProgram } from '../../grader/build/types.js';
import { buildPython } from '../../grader/languages/python/build.js';
import { runProgram } from '../../grader/run/run-program.js';
import type { ObservedProcess, ProgramRun } from '../../grader/run/types.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { SandboxTier } from '../../grader/sandbox/types.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/languages/python/', import.meta.url));
const info = await detectSandbox();
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];
/** Runs of each program in each tier (every one must count every task). */
const ROUNDS = 5;

let cacheDir: string;
let burners: Burners | undefined;
const built = new Map<string, BuiltProgram>();

async function program(name: string): Promise<BuiltProgram> {
  const known = built.get(name);
  if (known !== undefined) return known;
  const result = await buildPython(path.join(FIXTURES, name), { cacheDir });
  if (!result.ok) throw new Error(result.message);
  built.set(name, result.program);
  return result.program;
}

async function run(name: string, tier: SandboxTier, options: { observe: boolean; args?: string[] }): Promise<ProgramRun> {
  const workDir = createWorkDir();
  try {
    return await runProgram({
      name: 'main',
      program: await program(name),
      args: options.args ?? [],
      env: {},
      workDir,
      timeoutMs: 20_000,
      tier,
      observe: options.observe,
    });
  } finally {
    removeWorkDir(workDir);
  }
}

function mainOf(run: ProgramRun): ObservedProcess {
  const main = run.processes?.find((p) => p.pid === run.mainPid);
  if (main === undefined) throw new Error(`no observed main process: ${JSON.stringify(run.processes)} ${JSON.stringify(run.observation)} ${run.elapsedMs}`);
  return main;
}

/** The pid a line `LABEL is PID` of the output names. */
function printedPid(run: ProgramRun, label: string): number {
  const match = new RegExp(`^${label} is (\\d+)$`, 'm').exec(run.stdout);
  if (match === null) throw new Error(`no line "${label} is PID" in ${JSON.stringify(run.stdout)}`);
  return Number(match[1]);
}

beforeAll(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'task-reports-'));
});
afterAll(() => {
  burners?.stop();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe.each(tiers)('tier %s', (tier) => {
  it('runs an observed program as python3 runs it: argv, __main__, environment, descriptors, traceback and status', async () => {
    for (const how of ['raise', '3']) {
      const plain = await run('as-if-direct', tier, { observe: false, args: [how] });
      const observed = await run('as-if-direct', tier, { observe: true, args: [how] });
      expect(observed.stdout).toBe(plain.stdout);
      expect(observed.stderr).toBe(plain.stderr);
      expect([observed.exitCode, observed.signal]).toEqual([plain.exitCode, plain.signal]);
    }
    const failed = await run('as-if-direct', tier, { observe: true, args: ['raise'] });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain("argv ['raise'] solution.py");
    expect(failed.stdout).toContain('file True __main__ True');
    expect(failed.stdout).toContain('main True True\npath0 True');
    expect(failed.stdout).toContain('pipe 3 4');
    // The traceback starts at the program's own code, as without the bootstrap.
    expect(failed.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "[^"]*solution\.py", line \d+, in <module>\n/);
    expect(failed.stderr).not.toContain('.grader-tasks');
  });

  it('counts ten threads that each end within microseconds, in every run, also under load', async () => {
    burners ??= startBurners(2, 120_000);
    const counts: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const observed = await run('short-threads', tier, { observe: true });
      expect(observed.exitCode, observed.stderr).toBe(0);
      expect(observed.stdout.split('\n').filter((line) => line.startsWith('thread '))).toHaveLength(10);
      counts.push(mainOf(observed).threadIds ?? 0);
    }
    // The main thread and its ten.
    expect(counts).toEqual(Array.from({ length: ROUNDS }, () => 11));
  });

  it('sees a forked child that ends at once as a process of the program, with its parent command, in every run, also under load', async () => {
    burners ??= startBurners(2, 120_000);
    for (let round = 0; round < ROUNDS; round++) {
      const observed = await run('quick-fork', tier, { observe: true });
      expect(observed.exitCode, observed.stderr).toBe(0);
      const main = mainOf(observed);
      const child = observed.processes?.find((p) => p.pid === printedPid(observed, 'Child'));
      expect(child, JSON.stringify(observed.processes)).toBeDefined();
      expect(child?.ppid).toBe(observed.mainPid);
      // It never exec'd: it ran its parent's program, for sure when the parent's program is
      // known (a starved observer may have seen the main process only before its own exec, in
      // the supervisor's shell: then the child's program is as unknown as its parent's).
      expect(child?.command).toBe(main.command);
      expect(child?.commandBeforeExecOnly).toBe(main.commandBeforeExecOnly);
      const execed = observed.processes?.find((p) => p.pid === printedPid(observed, "Exec'd child"));
      expect(execed, JSON.stringify(observed.processes)).toBeDefined();
      // It exec'd: either seen running sh, or said unknown (never its parent's program for sure).
      if (execed?.command !== undefined && !execed.command.includes('sh -c')) expect(execed.commandBeforeExecOnly).toBe(true);
    }
  });
});
