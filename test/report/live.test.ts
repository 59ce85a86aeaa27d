import { execFile } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { liveApplies, liveLines, liveProgress } from '../../grader/report/live.js';
import type { TestResult } from '../../grader/report/types.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const ESC = '\u001b';

function passed(name: string): TestResult {
  return { name, status: 'passed', message: '', score: 1, maxScore: 1, hidden: false, checks: [], trials: 1, durationMs: 1 };
}

/** A terminal-like stream that keeps what was written. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: true, columns: 60, rows: 20 });
  return { stream, text: () => text };
}

describe('the live lines', () => {
  it('say how many exercises are done, and each running test with its time so far, oldest first, cut to the width', () => {
    const text = liveLines(
      {
        exercisesDone: 1,
        exercisesTotal: 3,
        running: [
          { slug: 'env-list', name: 'prints TMPDIR', startedMs: 1_500 },
          { slug: 'thread-counter', name: `amplified: ${'x'.repeat(80)}`, startedMs: 1_000 },
        ],
      },
      3_250,
      40,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('Grading: 1 of 3 exercises done, 2 test…');
    expect(lines[1]).toMatch(/^ +2\.3 s {2}thread-counter: amplified: x*…$/);
    expect(lines[1]!.length).toBe(39);
    expect(lines[2]).toBe('    1.8 s  env-list: prints TMPDIR');
  });

  it('show a test name with control characters as visible escapes', () => {
    const text = liveLines({ exercisesDone: 0, exercisesTotal: 1, running: [{ slug: 's', name: `a${ESC}[2Kb\rc`, startedMs: 0 }] }, 0, 80);
    expect(text).not.toContain(ESC);
    expect(text).toContain('a\\u001b[2Kb\\rc');
  });

  it('belong only on a terminal outside CI', () => {
    expect(liveApplies({ isTTY: true }, {})).toBe(true);
    expect(liveApplies({ isTTY: true }, { CI: 'false' })).toBe(true);
    expect(liveApplies({ isTTY: false }, {})).toBe(false);
    expect(liveApplies({}, {})).toBe(false);
    expect(liveApplies({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(liveApplies({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('follow the events: a started test appears, a finished one goes, lasting text prints above, the end clears them', async () => {
    const terminal = fakeTerminal();
    let now = 0;
    const live = liveProgress(terminal.stream, { now: () => now, intervalMs: 60_000 });
    await live.reporter.onStart?.({ slugs: ['env-list'], sandbox: { tier: 't', reason: '', guarantees: [], missing: [] }, solutionsDir: '/x' });
    await live.reporter.onTestStart?.('env-list', 'prints TMPDIR');
    now = 1_200;
    await live.reporter.onTestStart?.('env-list', 'a named variable');
    expect(terminal.text()).toContain('1.2 s  env-list: prints TMPDIR');
    const before = terminal.text().length;
    live.write('✓ env-list 8/8\n');
    await live.reporter.onTestResult?.('env-list', passed('prints TMPDIR'));
    const after = terminal.text().slice(before);
    expect(after).toContain('✓ env-list 8/8\n');
    // Redrawn below the lasting line: the finished test is gone, the other still runs.
    const redrawn = after.slice(after.lastIndexOf('Grading:'));
    expect(redrawn).toContain('env-list: a named variable');
    expect(redrawn).not.toContain('prints TMPDIR');
    await live.reporter.onEnd?.({ score: 0, maxScore: 0, exercises: [], sandbox: { tier: 't', reason: '', guarantees: [], missing: [] }, durationMs: 0 });
    const ended = terminal.text().length;
    live.write('Total\n');
    expect(terminal.text().slice(ended)).toBe('Total\n');
  });
});

describe('npm run grade on a terminal and off it', () => {
  const args = ['grader/launch.mjs', 'grade', '--solutions', 'reference', 'time-today'];

  it('redraws the live lines in place in a real pseudo-terminal (script(1)), the result printed when the exercise ends', async () => {
    // script(1) runs the command on a new pseudo-terminal; its size is set first (a pty starts at 0 rows).
    const command = `stty rows 30 cols 100; ${[process.execPath, ...args].join(' ')}`;
    const { stdout } = await run('script', ['-qfec', command, '/dev/null'], { cwd: root, env: { ...process.env, CI: '', NO_COLOR: '1' } });
    expect(stdout).toContain('Grading: 0 of 1 exercises done');
    expect(stdout).toMatch(/time-today: local date far east of UTC/);
    // Erase-line and cursor-up: the live lines are redrawn, not appended.
    expect(stdout).toContain(`${ESC}[2K`);
    expect(stdout).toContain(`${ESC}[1A`);
    expect(stdout).toContain('✓ time-today');
    // The live lines are erased before the total: the total is the last thing on the screen.
    const lastDrawn = stdout.lastIndexOf('Grading:');
    const total = stdout.lastIndexOf('Total:');
    expect(lastDrawn).toBeLessThan(total);
    expect(stdout.slice(lastDrawn, total)).toContain(`${ESC}[2K`);
  }, 120_000);

  it('stays plain through a pipe: no escape codes, no live lines', async () => {
    const { stdout } = await run(process.execPath, args, { cwd: root, env: { ...process.env, CI: '' } });
    expect(stdout).toContain('✓ time-today');
    expect(stdout).not.toContain(ESC);
    expect(stdout).not.toContain('Grading:');
  }, 120_000);
});
