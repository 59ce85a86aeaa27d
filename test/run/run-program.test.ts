// End to end: real programs in each tier, their verdicts, and nothing of theirs left running.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldReadableDir } from '../../grader/sandbox/access.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { SandboxTier } from '../../grader/sandbox/types.js';
import { runProgram } from '../../grader/run/run-program.js';
import type { ProgramRun, RunRequest } from '../../grader/run/types.js';
import { createWorkDir, removeWorkDir } from '../../grader/run/work-dir.js';
import { expectWallTime, fixtureProgram, nonce, processesWith, PROGRAMS_DIR, timed } from './helpers.js';

const CANARY = 'canary-xyz-7f3a';
const info = await detectSandbox();
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];

// A process of the grader's user with a secret in its environment, as CI would have.
let secretHolder: ChildProcess;
beforeAll(() => {
  process.env.GITHUB_TOKEN = CANARY;
  secretHolder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
    env: { ...process.env, GITHUB_TOKEN: CANARY },
    stdio: 'ignore',
  });
});
afterAll(() => {
  secretHolder.kill('SIGKILL');
  delete process.env.GITHUB_TOKEN;
});

interface Outcome {
  run: ProgramRun;
  ms: number;
  /** How much slower than its CPU time work ran meanwhile (see expectWallTime). */
  slowdown: number;
  word: string;
}

async function run(tier: SandboxTier, entry: string, extra: Partial<RunRequest> & { args?: string[] } = {}): Promise<Outcome> {
  const word = nonce();
  const workDir = createWorkDir();
  try {
    const { result, ms, slowdown } = await timed(() =>
      runProgram({
        name: 'main',
        program: fixtureProgram(entry),
        env: {},
        workDir,
        timeoutMs: 5000,
        tier,
        ...extra,
        args: [word, ...(extra.args ?? [])],
      }),
    );
    return { run: result, ms, slowdown, word };
  } finally {
    removeWorkDir(workDir);
  }
}

/** Nothing of the run is left, and it ended within its timeout plus a second of work (see expectWallTime). */
function expectClean(outcome: Outcome, timeoutMs: number): void {
  expect(processesWith(outcome.word)).toEqual([]);
  expectWallTime(outcome.ms, { waitedMs: timeoutMs, workMs: 1000, slowdownDuring: outcome.slowdown });
}

describe.each(tiers)('tier %s', (tier) => {
  it('kills an infinite loop at the timeout', async () => {
    const outcome = await run(tier, 'loop.mjs', { timeoutMs: 1500 });
    expect(outcome.run.ending).toBe('timeout');
    expect(outcome.run.endingDetail).toMatch(/still running after 1500 ms/);
    expect(outcome.ms).toBeGreaterThanOrEqual(1490);
    expectClean(outcome, 1500);
  });

  it('kills a setsid grandchild that outlives everything else', async () => {
    // Three node start-ups (main, child, grandchild) must be over before the timeout for the
    // descendants to be what is left: under two CPU burners beside the parallel suite they once
    // took over 1.5 s (flake hunt run 8, 2026-12-07), so the main process was still running then.
    const outcome = await run(tier, 'setsid-grandchild.mjs', { timeoutMs: 4000 });
    expect(outcome.run.ending).toBe('timeout');
    expect(outcome.run.endingDetail).toMatch(/descendants were still running/);
    expect(outcome.run.exitCode).toBe(0);
    expect(outcome.run.stdout).toContain('main done');
    expect(outcome.run.stdout).toMatch(/child started grandchild \d+/);
    expectClean(outcome, 4000);
  });

  it('stops a 200 MB flood at the output cap, quickly', async () => {
    const outcome = await run(tier, 'flood.mjs', { timeoutMs: 10_000 });
    expect(outcome.run.ending).toBe('output-limit');
    expect(outcome.run.truncated).toBe(true);
    expect(outcome.run.stdout.length).toBe(8 * 1024 * 1024);
    // Quickly: long before the 10 s timeout (the ending says the cap came first).
    expectWallTime(outcome.ms, { workMs: 4000, slowdownDuring: outcome.slowdown });
    expectClean(outcome, 10_000);
  });

  it('records where it put the program and started it, and, when asked, when each line arrived', async () => {
    const { run: paced } = await run(tier, 'paced.mjs', { timeArrivals: true, cwd: 'sub' });
    expect(paced.stdout).toBe('one\ntwo\n');
    // A slot uid gets a readable copy of a program folder it cannot read (e.g. in a clone under a 0700 directory).
    const copied = paced.sandbox?.uid !== undefined && !worldReadableDir(PROGRAMS_DIR);
    const where = copied ? expect.stringMatching(/\/grader-program-\w+\/program$/) : fs.realpathSync(PROGRAMS_DIR);
    expect(paced.programDir).toEqual(tier === 'bubblewrap' ? '/sandbox/program' : where);
    expect(paced.cwd?.endsWith('/sub')).toBe(true);
    const [one, two] = paced.lineArrivalsMs ?? [];
    expect(one).toBeDefined();
    // "two" was printed 300 ms after the start at the earliest, so it cannot have been seen sooner.
    expect(two).toBeGreaterThanOrEqual(300);
    expect(two!).toBeGreaterThanOrEqual(one!);
    const { run: plain } = await run(tier, 'hello.mjs');
    expect(plain.lineArrivalsMs).toBeUndefined();
  });

  it('reports the exit code', async () => {
    const outcome = await run(tier, 'exit-code.mjs', { args: ['7'] });
    expect(outcome.run).toMatchObject({ ending: 'exited', exitCode: 7, signal: null, stdout: 'exiting\n' });
    expectClean(outcome, 5000);
  });

  it('reports a signal', async () => {
    const outcome = await run(tier, 'segv.mjs');
    expect(outcome.run).toMatchObject({ ending: 'exited', exitCode: null, signal: 'SIGSEGV' });
    expect(outcome.run.stdout).toBe('about to crash\n');
    expectClean(outcome, 5000);
  });

  it('collects the output of a child that outlives its parent', async () => {
    const outcome = await run(tier, 'late-child.mjs');
    expect(outcome.run.ending).toBe('exited');
    expect(outcome.run.exitCode).toBe(0);
    expect(outcome.run.stdout.split('\n')).toEqual(['parent exiting', 'child printed late', '']);
    expect(outcome.run.totalMs).toBeGreaterThanOrEqual(300);
    expect(outcome.run.elapsedMs).toBeLessThan(outcome.run.totalMs);
    expectClean(outcome, 5000);
  });

  it('gives the program no variable of the grader', async () => {
    const outcome = await run(tier, 'env.mjs', { env: { TZ: 'Europe/Madrid', LANG: null } });
    expect(outcome.run.ending).toBe('exited');
    const seen = JSON.parse(outcome.run.stdout.split('\n')[0] ?? '{}') as Record<string, string>;
    const expected: Record<string, string> = { ...outcome.run.env };
    expect(seen).toEqual(expected);
    expect(Object.keys(seen).sort()).toEqual(['HOME', 'PATH', 'PWD', 'TZ', ...(outcome.run.sandbox?.marker !== undefined ? ['GRADER_RUN_MARKER'] : [])].sort());
    expect(seen.PATH?.split(':')).toContain('/usr/bin');
    const everything = JSON.stringify(outcome.run);
    if (info.dropsPrivileges || tier === 'bubblewrap') expect(everything).not.toContain(CANARY);
    expectClean(outcome, 5000);
  });

  it('reports the pid the program sees for itself', async () => {
    const outcome = await run(tier, 'pid.mjs');
    const printed = Number(/^pid (\d+)$/m.exec(outcome.run.stdout)?.[1]);
    expect(outcome.run.mainPid).toBe(printed);
    if (tier === 'bubblewrap') expect(printed).toBe(3);
    expect(outcome.run.stdout).toMatch(tier === 'bubblewrap' ? /^cwd \/sandbox\/work$/m : /^cwd \/.*grader-work-/m);
    expectClean(outcome, 5000);
  });

  it('lets a Worker write 20000 lines with fs.writeSync(1, ...)', async () => {
    const outcome = await run(tier, 'workers.mjs', { args: ['20000'], timeoutMs: 10_000 });
    expect(outcome.run.ending).toBe('exited');
    expect(outcome.run.exitCode).toBe(0);
    const lines = outcome.run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20001);
    expect(lines[19999]).toBe('line 19999');
    expect(lines[20000]).toBe('joined');
    expectClean(outcome, 10_000);
  });

  it('feeds stdin text, then closes it', async () => {
    const outcome = await run(tier, 'stdin.mjs', { stdin: 'one\ntwo\nthree\n' });
    expect(outcome.run.stdout).toBe('got one\ngot two\ngot three\nlines 3\n');
    expectClean(outcome, 5000);
  });

  it('closes stdin at once when the test gives none', async () => {
    const outcome = await run(tier, 'stdin.mjs');
    expect(outcome.run.stdout).toBe('lines 0\n');
    expectWallTime(outcome.ms, { workMs: 3000, slowdownDuring: outcome.slowdown });
  });

  it('says "no progress" with the last line printed', async () => {
    const outcome = await run(tier, 'silent.mjs', { idleTimeoutMs: 600, timeoutMs: 5000 });
    expect(outcome.run.ending).toBe('no-progress');
    expect(outcome.run.endingDetail).toContain('"acquire 1"');
    expectWallTime(outcome.ms, { waitedMs: 600, workMs: 2400, slowdownDuring: outcome.slowdown });
    expectClean(outcome, 5000);
  });

  it('lets a program that computes silently past the idle threshold go on (silent but working is not "no progress")', async () => {
    const outcome = await run(tier, 'compute-silently.mjs', { args: ['1800'], idleTimeoutMs: 600, timeoutMs: 15_000 });
    expect(outcome.run.ending).toBe('exited');
    expect(outcome.run.stdout).toBe('done\n');
    expectClean(outcome, 15_000);
  });

  it('leaves a program that spins silently forever to the timeout, not to "no progress"', async () => {
    const outcome = await run(tier, 'loop.mjs', { idleTimeoutMs: 400, timeoutMs: 2500 });
    expect(outcome.run.ending).toBe('timeout');
    expectClean(outcome, 2500);
  });

  it('classifies running out of heap as memory-limit', async () => {
    const outcome = await run(tier, 'memory-hog.mjs', { limits: { heapMb: 48 }, timeoutMs: 10_000 });
    expect(outcome.run.ending).toBe('memory-limit');
    expectClean(outcome, 10_000);
  });

  it('stops a process past its resident memory cap', async () => {
    const outcome = await run(tier, 'memory-hog.mjs', { limits: { memoryMb: 200 }, timeoutMs: 10_000 });
    expect(outcome.run.ending).toBe('memory-limit');
    expect(outcome.run.endingDetail).toMatch(/^the main process used \d+ MiB of memory \(the cap is 200 MiB\)$/);
    expectClean(outcome, 10_000);
  });

  it('caps the number of processes', async () => {
    const outcome = await run(tier, 'fork-flood.mjs', { args: ['100'], limits: { processes: 40 }, timeoutMs: 10_000 });
    if (info.dropsPrivileges || tier === 'bubblewrap') {
      expect(outcome.run.ending).toBe('process-limit');
      expect(outcome.run.stderr).toMatch(/EAGAIN/);
    }
    expectClean(outcome, 10_000);
  });

  it("fails to start a missing entry file with the program's own error, not a hang", async () => {
    const outcome = await run(tier, 'no-such-file.mjs');
    expect(outcome.run.ending).toBe('exited');
    expect(outcome.run.exitCode).toBe(1);
    expect(outcome.run.stderr).toMatch(/Cannot find module/);
  });
});

describe.runIf(info.tier === 'bubblewrap')('bubblewrap isolation', () => {
  let server: net.Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sees only its own loopback and cannot reach the host', async () => {
    const outcome = await run('bubblewrap', 'net.mjs', { args: [String(port)] });
    expect(outcome.run.stdout).toMatch(/^interfaces lo$/m);
    expect(outcome.run.stdout).toMatch(/^refused /m);
    expect(connections).toBe(0);
  });

  it('cannot write outside the work directory', async () => {
    const outcome = await run('bubblewrap', 'files.mjs');
    const name = `escape-${outcome.word}`;
    expect(outcome.run.stdout).toMatch(new RegExp(`^refused /etc/${name} E`, 'm'));
    expect(outcome.run.stdout).toMatch(new RegExp(`^refused /sandbox/${name} E`, 'm'));
    // /tmp is the sandbox's own tmpfs: the write works there and vanishes with it.
    expect(fs.existsSync(`/tmp/${name}`)).toBe(false);
    expect(fs.existsSync(`/etc/${name}`)).toBe(false);
  });

  it('hides the repository and the host', async () => {
    const repo = process.cwd();
    const outcome = await run('bubblewrap', 'peek.mjs', { args: [`${repo}/package.json`, PROGRAMS_DIR, '/root', '/sandbox/program/peek.mjs'] });
    expect(outcome.run.stdout.split('\n')).toEqual([
      `hidden ${repo}/package.json ENOENT`,
      `hidden ${PROGRAMS_DIR} ENOENT`,
      'hidden /root ENOENT',
      'visible /sandbox/program/peek.mjs',
      '',
    ]);
  });
});

describe('start failures', () => {
  it('turns a cwd outside the work directory into start-failure', async () => {
    const outcome = await run(tiers[0] ?? 'weak', 'pid.mjs', { cwd: '../..' });
    expect(outcome.run.ending).toBe('start-failure');
    expect(outcome.run.endingDetail).toMatch(/not inside the work directory/);
  });
});
