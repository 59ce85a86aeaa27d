// Grades the hostile submissions (test/hostile/submissions/NAME/solution.ts) through the real
// command line (main(), as `npm run grade` does) in a throwaway course repository, and collects
// what is needed to prove that the grader held: what a student sees, how long it took, what is
// left running, what changed outside the work directory, and whether a secret leaked.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { buildSolution } from '../../grader/build/build.js';
import { main } from '../../grader/cli/main.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import { loadSpec } from '../../grader/spec/load.js';
import type { SandboxInfo, SandboxTier } from '../../grader/sandbox/types.js';
import { expectWallTime, processesWith, slowdownMeter } from '../run/helpers.js';

/** The hostile submissions, one folder per threat. */
export const SUBMISSIONS_DIR = fileURLToPath(new URL('./submissions/', import.meta.url));
/** The real repository (the one under test). */
export const REAL_REPO = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** A secret of the grader's environment, as CI would hold one; must never be printed. */
export const ENV_CANARY = `ghp_canary${crypto.randomBytes(10).toString('hex')}`;
/** How much longer than its test's timeout a grading may take (build, start, kill, report) on an idle machine. */
export const MARGIN_MS = 2500;

/**
 * Asserts that a grading took no longer than `timeoutMs` plus MARGIN_MS of work (on an idle
 * machine; scaled by the measured slowdown on a loaded one, see expectWallTime): that nothing the
 * submission did (descendants holding a pipe, a killed supervisor, a flood) kept the grader waiting
 * past its own limits.
 */
export function expectFinishedInTime(graded: Graded, timeoutMs: number): void {
  expectWallTime(graded.ms, { waitedMs: timeoutMs, workMs: MARGIN_MS, slowdownDuring: graded.slowdown }, 'grading time');
}

/** The tiers this machine can run: bubblewrap (when it works) and the weak tier. */
export async function availableTiers(): Promise<SandboxTier[]> {
  const saved = process.env.GRADER_SANDBOX;
  delete process.env.GRADER_SANDBOX;
  try {
    return (await detectSandbox()).tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];
  } finally {
    if (saved !== undefined) process.env.GRADER_SANDBOX = saved;
  }
}

/** What detectSandbox() says about a tier (GRADER_SANDBOX=weak forces the weak one). */
export async function tierInfo(tier: SandboxTier): Promise<SandboxInfo> {
  return withTier(tier, () => detectSandbox());
}

async function withTier<T>(tier: SandboxTier, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.GRADER_SANDBOX;
  if (tier === 'weak') process.env.GRADER_SANDBOX = 'weak';
  else delete process.env.GRADER_SANDBOX;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.GRADER_SANDBOX;
    else process.env.GRADER_SANDBOX = saved;
  }
}

let holder: ChildProcess | undefined;
const SECRET_VARIABLES = ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'NPM_TOKEN'];

/**
 * Puts ENV_CANARY in the grader's environment (process.env) and in a long-lived process of the
 * grader's user started with it (its /proc/PID/environ holds it, as the CI runner's would).
 */
export function plantSecrets(): void {
  for (const name of SECRET_VARIABLES) process.env[name] = ENV_CANARY;
  holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { env: { ...process.env }, stdio: 'ignore' });
}

/** Host pid of the process plantSecrets() started (a process of the grader's that holds the secret). */
export function secretHolderPid(): number {
  if (holder?.pid === undefined) throw new Error('plantSecrets() first');
  return holder.pid;
}

/**
 * Starts esbuild's service, compiles the spec schema's validator (loading a spec: 4.7 s of the
 * first grading at load 55, 25 ms after) and detects the tiers, so that the first grading's time
 * is its own.
 */
export async function warmUp(): Promise<void> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-warm-'));
  try {
    const [aSpec] = fs.readdirSync(path.join(REAL_REPO, 'specs')).filter((name) => name.endsWith('.yaml'));
    if (aSpec !== undefined) await loadSpec(path.join(REAL_REPO, 'specs', aSpec));
    await buildSolution(path.join(SUBMISSIONS_DIR, 'cpu-loop'), { cacheDir });
    await availableTiers();
    await tierInfo('weak');
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Removes what plantSecrets() planted. */
export function removeSecrets(): void {
  for (const name of SECRET_VARIABLES) delete process.env[name];
  holder?.kill('SIGKILL');
  holder = undefined;
}

/** One test of the throwaway spec (the nonce is prepended to `args`). */
export interface ThreatTest {
  name: string;
  args?: string[];
  timeoutMs: number;
  checks: Array<Record<string, unknown>>;
  env?: Record<string, string>;
  hidden?: boolean;
}

/** Everything one grading of a hostile submission produced. */
export interface Graded {
  tier: SandboxTier;
  info: SandboxInfo;
  /** Exit status of the grade command. */
  status: number;
  /** Standard output of the grade command: the console report, annotations, Classroom notices (the CI log). */
  log: string;
  stderr: string;
  /** The JSON result (--json), as text and parsed. */
  jsonText: string;
  json: JsonResult;
  /** The GitHub job summary (Markdown). */
  summary: string;
  /** Wall time of the whole grade command. */
  ms: number;
  /** How much slower than its CPU time work ran meanwhile (slowdownMeter). */
  slowdown: number;
  nonce: string;
  /** The throwaway repository, and the secret planted in its specs, references and hidden tests. */
  repo: string;
  secret: string;
  /** A world-writable directory outside the work directory, /tmp/hostile-canary-NONCE. */
  canaryDir: string;
  /** Files (path → size, mode, mtime, hash) of the repository's specs/, reference/ and test/ and of the canary directory, before grading. */
  before: Snapshot;
  /** The same, after grading. */
  after: () => Snapshot;
  /** Host processes with the nonce on their command line, right after grading. */
  leftovers: number[];
}

/** The parts of the JSON result the tests read. */
export interface JsonResult {
  score: number;
  maxScore: number;
  sandbox: { tier: string; reason: string; guarantees: string[]; missing: string[] };
  exercises: Array<{
    slug: string;
    status: string;
    score: number;
    message?: string;
    tests: Array<{
      name: string;
      status: string;
      message: string;
      score: number;
      checks: Array<{ check: string; passed: boolean; message: string; hint?: string; diff?: string }>;
      stderrTail?: string;
    }>;
  }>;
}

/** path → "size mode mtime sha256" of every file under the roots. */
export type Snapshot = Record<string, string>;

/** Every file and directory under `roots`, with size, mode, mtime and content hash. */
export function snapshot(roots: string[]): Snapshot {
  const result: Snapshot = {};
  const walk = (p: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      result[p] = `dir ${stat.mode.toString(8)}`;
      for (const name of fs.readdirSync(p)) walk(path.join(p, name));
      return;
    }
    const hash = stat.isFile() ? crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex') : 'special';
    result[p] = `${stat.size} ${stat.mode.toString(8)} ${stat.mtimeMs} ${hash}`;
  };
  for (const root of roots) walk(root);
  return result;
}

function nonce(): string {
  return `n${crypto.randomBytes(6).toString('hex')}`;
}

function write(file: string, text: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
}

/**
 * A throwaway course repository, world-readable like a checkout: the spec (JSON is YAML), a
 * reference solution, and a hidden test file, each holding the secret.
 */
function makeRepo(slug: string, tests: ThreatTest[], word: string, secret: string): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-repo-'));
  fs.chmodSync(repo, 0o755);
  const spec = {
    slug,
    title: `hostile submission ${slug}`,
    tests: tests.map((test) => ({ ...test, args: [word, ...(test.args ?? [])] })),
  };
  write(path.join(repo, 'specs', `${slug}.yaml`), `# ${secret}\n${JSON.stringify(spec, null, 2)}\n`);
  write(path.join(repo, 'reference', slug, 'solution.ts'), `// ${secret}\nconsole.log('the answer');\n`);
  write(path.join(repo, 'test', 'hidden', `${slug}.test.ts`), `// ${secret}: the hidden test's expected output\n`);
  return repo;
}

/** Capture what main() writes on stdout and stderr. */
async function capture(fn: () => Promise<number>): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await fn();
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * Grades submissions/SLUG in `tier` with a one-exercise spec of `tests`, through main() with the
 * console, GitHub and Classroom formats and --json: what a student (and the CI log) sees.
 */
export async function gradeThreat(slug: string, tier: SandboxTier, tests: ThreatTest[], word = nonce()): Promise<Graded> {
  const secret = `HOSTILE-SECRET-${word}`;
  const repo = makeRepo(slug, tests, word, secret);
  const canaryDir = `/tmp/hostile-canary-${word}`;
  fs.mkdirSync(canaryDir, { mode: 0o777 });
  fs.chmodSync(canaryDir, 0o777);
  for (const name of ['a.txt', 'b.txt']) write(path.join(canaryDir, name), `canary ${name}\n`, 0o666);
  const roots = [path.join(repo, 'specs'), path.join(repo, 'reference'), path.join(repo, 'test'), canaryDir, path.join(SUBMISSIONS_DIR, slug)];
  const before = snapshot(roots);
  const jsonFile = path.join(repo, 'out', 'result.json');
  const summaryFile = path.join(repo, 'out', 'summary.md');
  const argv = ['grade', slug, '--solutions', SUBMISSIONS_DIR, '--json', jsonFile];
  argv.push('--format', 'console', '--format', 'github', '--output', summaryFile, '--format', 'classroom');
  const info = await tierInfo(tier);
  const meter = slowdownMeter();
  const start = performance.now();
  const { status, stdout, stderr } = await withTier(tier, () => capture(() => main(argv, { root: repo }))).finally(() => meter.stop());
  const ms = performance.now() - start;
  const slowdown = meter.slowdown();
  const leftovers = processesWith(word);
  const jsonText = fs.existsSync(jsonFile) ? fs.readFileSync(jsonFile, 'utf8') : '{}';
  const summary = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '';
  return {
    tier,
    info,
    status,
    log: stdout,
    stderr,
    jsonText,
    json: JSON.parse(jsonText) as JsonResult,
    summary,
    ms,
    slowdown,
    nonce: word,
    repo,
    secret,
    canaryDir,
    before,
    after: () => snapshot(roots),
    leftovers,
  };
}

/** Everything the grading printed or wrote (log, stderr, JSON, job summary). */
export function everything(graded: Graded): string {
  return [graded.log, graded.stderr, graded.jsonText, graded.summary].join('\n');
}

/** The only test of the graded exercise. */
export function onlyTest(graded: Graded): JsonResult['exercises'][number]['tests'][number] {
  const test = graded.json.exercises[0]?.tests[0];
  if (test === undefined) throw new Error(`no test result in ${graded.jsonText.slice(0, 500)}`);
  return test;
}

/** Entries of /tmp (and its direct subdirectories' names) carrying the nonce, besides the canary directory. */
export function strays(word: string): string[] {
  return fs
    .readdirSync('/tmp')
    .filter((name) => name.includes(word) && name !== `hostile-canary-${word}`)
    .map((name) => path.join('/tmp', name));
}

/** Remove the throwaway repository, the canary directory and anything the submission left in /tmp. */
export function cleanUp(graded: Graded): void {
  for (const p of [graded.repo, graded.canaryDir, ...strays(graded.nonce)]) fs.rmSync(p, { recursive: true, force: true });
  fs.rmSync(path.join(REAL_REPO, 'specs', `pwned-${graded.nonce}.yaml`), { force: true });
}

export { sleep } from '../../grader/util/time.js';

/** What a tier is allowed to let through, because its report lists the guarantee as missing. */
export interface Allowed {
  /** Writes outside the work directory (the weak tier without "read-only filesystem"). */
  writes?: boolean;
  /** Reading the repository (the weak tier without "hidden repository"). */
  reads?: boolean;
}

/**
 * What must hold after every grading: it finished within the test's timeout plus a margin (expectFinishedInTime), no
 * process of the submission is left, no secret of the grader's environment was printed, and
 * (unless allowed) nothing outside the work directory changed and no answer was printed.
 */
export function expectHeld(graded: Graded, timeoutMs: number, allowed: Allowed = {}): void {
  expectFinishedInTime(graded, timeoutMs);
  expect(graded.leftovers, 'processes left running').toEqual([]);
  expect(everything(graded)).not.toContain(ENV_CANARY);
  expect(graded.stderr, 'the grader itself wrote on stderr').toBe('');
  expect(graded.json.exercises, 'the JSON result').toHaveLength(1);
  if (allowed.writes !== true) {
    expect(graded.after(), 'files outside the work directory').toEqual(graded.before);
    expect(strays(graded.nonce), 'files the submission left in /tmp').toEqual([]);
  }
  expect(fs.existsSync(path.join(REAL_REPO, 'specs', `pwned-${graded.nonce}.yaml`))).toBe(false);
  if (allowed.reads !== true) expect(everything(graded)).not.toContain(graded.secret);
}
