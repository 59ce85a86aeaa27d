// Watch mode: a real file change re-grades the exercise; Ctrl-C ends the watcher with nothing left running.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchExercises } from '../../grader/cli/watch-command.js';
import { consoleReporter } from '../../grader/report/console.js';
import { put, tempRepo } from './temp-repo.js';

const SPEC = `slug: greet
tests:
  - name: greets Ada
    points: 2
    args: [Ada]
    checks:
      - check: output
        equals: "Hello, Ada!"
`;
const WRONG = 'console.log(`Hello ${process.argv[2]}`);\n';
const RIGHT = 'console.log(`Hello, ${process.argv[2]}!`);\n';
const SLOW = 'await new Promise((done) => setTimeout(done, 2000));\nconsole.log(`Hello, ${process.argv[2]}!`);\n';

let repo: string;
beforeAll(async () => {
  repo = await tempRepo([], 'watch-');
  await put(repo, 'specs/greet.yaml', SPEC);
  await put(repo, 'assignments/greet/solution.ts', WRONG);
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

/** Resolves once `read()` matches, polling; rejects after `ms`. */
async function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(read())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${read()}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** Processes (other than this one) whose command line mentions `text`. */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (command.includes(text)) found.push(`${pid}: ${command}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('npm run grade -- --watch', () => {
  it('grades again when a solution file is saved, and shows the change', async () => {
    let output = '';
    const write = (text: string): void => void (output += text);
    const controller = new AbortController();
    const watching = watchExercises({
      root: repo,
      slugs: ['greet'],
      reporters: () => [consoleReporter({ write, color: false })],
      write,
      signal: controller.signal,
    });
    try {
      await waitFor(() => output, /Watching .*assignments\/ for changes to greet/, 30_000);
      expect(output).toMatch(/✗ greet +0\/2/);
      const saved = Date.now();
      await writeFile(path.join(repo, 'assignments', 'greet', 'solution.ts'), RIGHT);
      await waitFor(() => output, /✓ greet +2\/2/, 30_000);
      const took = Date.now() - saved;
      expect(output).toContain('greet changed: grading again.');
      expect(output.match(/Total: /g)).toHaveLength(2);
      // Well under a second plus the program's own run, on a quiet machine; generous here.
      expect(took).toBeLessThan(15_000);
      // A file that is not a source (an editor's swap file) does not trigger a grading.
      await writeFile(path.join(repo, 'assignments', 'greet', '.solution.ts.swp'), 'x');
      await new Promise((done) => setTimeout(done, 500));
      expect(output.match(/Total: /g)).toHaveLength(2);
    } finally {
      controller.abort();
      await watching;
    }
  });

  it('stops cleanly on Ctrl-C while a run is under way, leaving no process behind', async () => {
    await writeFile(path.join(repo, 'assignments', 'greet', 'solution.ts'), WRONG);
    const child = spawn(process.execPath, [path.join(repo, 'grader', 'launch.mjs'), 'grade', '--watch', 'greet'], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await waitFor(() => output, /Watching .*for changes/, 60_000);
      await writeFile(path.join(repo, 'assignments', 'greet', 'solution.ts'), SLOW);
      await waitFor(() => output, /greet changed: grading again\./, 30_000);
      await new Promise((done) => setTimeout(done, 500)); // the slow program is running now
      child.kill('SIGINT');
      const started = Date.now();
      expect(await exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(output).toContain('Stopping');
      expect(processesMentioning(repo)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
