// Pitfalls that show only in the output, recognised from constructed runs; and the recognisers'
// restraint where the evidence does not hold.
import { describe, expect, it } from 'vitest';
import { recognisePitfall, withHint } from '../../grader/hints/index.js';
import type { PitfallEvidence } from '../../grader/hints/types.js';
import type { CheckResult } from '../../grader/report/types.js';
import type { ProgramRun } from '../../grader/run/types.js';
import type { TestSpec } from '../../grader/spec/types.js';

function run(stdout: string, extra: Partial<ProgramRun> = {}): ProgramRun {
  return {
    name: 'main',
    stdout,
    stderr: '',
    exitCode: 0,
    signal: null,
    ending: 'exited',
    elapsedMs: 10,
    totalMs: 10,
    startedAt: 0,
    endedAt: 10,
    env: {},
    truncated: false,
    ...extra,
  };
}

function test(extra: Partial<TestSpec> = {}): TestSpec {
  return {
    name: 't',
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
    ...extra,
  };
}

const linesFailed: CheckResult = { check: 'lines', passed: false, message: 'line 2 differs' };

function evidence(main: ProgramRun, extra: Partial<PitfallEvidence> = {}): PitfallEvidence {
  return { test: test(), runs: { main }, failed: [linesFailed], sources: {}, ...extra };
}

const consumed = (pairs: Array<[number, number]>): string =>
  pairs.map(([id, count], n) => `consumer ${n % 2} got => [producer id=${id}, count=${count}]\n`).join('');

describe('pitfalls visible only in the output', () => {
  it('chunks printed as messages: two messages on one line', () => {
    const found = recognisePitfall(evidence(run('Parent 7 got [Spam 000] at 1.5\nParent 7 got [Spam 004Spam 000] at 1.6\n')));
    expect(found?.name).toBe('chunks-as-messages');
    expect(found?.sentence).toContain('"Spam 004Spam 000"');
  });

  it('the daemon consumer that drops the last message: one message missing at the end', () => {
    const all: Array<[number, number]> = [0, 1, 2, 3].flatMap(
      (count) =>
        [
          [0, count],
          [1, count],
        ] as Array<[number, number]>,
    );
    const lastMissing = all.filter(([id, count]) => !(id === 1 && count === 3));
    expect(recognisePitfall(evidence(run(consumed(lastMissing))))?.name).toBe('last-message-lost');
    expect(recognisePitfall(evidence(run(consumed(lastMissing))))?.sentence).toMatch(/^The last message was never printed/);
    // With the test's own counts: 3 producers of 2 messages, the last two missing.
    const small = evidence(
      run(
        consumed([
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
          [2, 0],
        ]),
      ),
      { test: test({ args: ['--producers', '3', '--messages=2', '--delay-ms', '0'] }) },
    );
    expect(recognisePitfall(small)?.name).toBe('last-message-lost');
  });

  it('not the daemon consumer when a message in the middle is missing, or none is', () => {
    const all: Array<[number, number]> = [0, 1, 2, 3].flatMap(
      (count) =>
        [
          [0, count],
          [1, count],
        ] as Array<[number, number]>,
    );
    const middleMissing = all.filter(([id, count]) => !(id === 0 && count === 1));
    expect(recognisePitfall(evidence(run(consumed(middleMissing))))).toBeUndefined();
    expect(recognisePitfall(evidence(run(consumed(all))))).toBeUndefined();
  });

  it('EAGAIN from writeSync on a full non-blocking pipe', () => {
    const stderr =
      'node:fs:936\n  handleErrorFromBinding(ctx);\nError: EAGAIN: resource temporarily unavailable, write\n    at Object.writeSync (node:fs:936:3)\n';
    expect(recognisePitfall(evidence(run('[0] => 1\n', { stderr, exitCode: 1 })))?.name).toBe('eagain');
  });

  it('a multi-byte character decoded in halves, when the program was fed multi-byte text', () => {
    const fed = { test: test({ stdin: 'café\n' }) };
    expect(recognisePitfall(evidence(run('frame 0: "caf\uFFFD\uFFFD"\ntotal 1\n'), fed))?.name).toBe('utf8-split');
  });

  it('not a split character when the program itself writes invalid bytes', () => {
    expect(recognisePitfall(evidence(run('frame 0: "caf\uFFFD\uFFFD"\ntotal 1\n')))).toBeUndefined();
  });

  it('not a pipe EAGAIN when spawn hit the process cap', () => {
    const stderr = 'Error: spawn /usr/bin/node EAGAIN\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)\n';
    expect(recognisePitfall(evidence(run('[0] => 1\n', { stderr, exitCode: 1 })))?.name).not.toBe('eagain');
  });

  it('output cut in the middle of a line at a pipe-buffer size, with no source to read', () => {
    const cut = `${'x'.repeat(99)}\n`.repeat(700).slice(0, 65536);
    expect(recognisePitfall(evidence(run(cut)))?.name).toBe('exit-after-write');
    // A small output without a final newline is not evidence of it.
    expect(recognisePitfall(evidence(run('hello')))).toBeUndefined();
  });
});

describe('the recognisers hold back', () => {
  it('a mention of process.exit or rl.question in a comment is not a call', () => {
    const sources = { 'solution.ts': '// use process.exitCode, not process.exit()\n/* never rl.question() */\nconst w = new Worker(url);\n' };
    const e = evidence(run('got a\n'), { sources, test: test({ stdin: 'a\nb\n', checks: [{ check: 'lines', expect: ['got a', 'got b'] }] }) });
    expect(recognisePitfall(e)).toBeUndefined();
  });

  it('rl.question is named only when input was piped and lines are missing', () => {
    const sources = { 'solution.ts': 'const line = await rl.question("");\n' };
    const checks = [{ check: 'lines', expect: ['got a', 'got b'] }];
    expect(recognisePitfall(evidence(run('got a\n'), { sources, test: test({ stdin: 'a\nb\n', checks }) }))?.name).toBe('question-drops-lines');
    expect(recognisePitfall(evidence(run('got a\ngot c\n'), { sources, test: test({ stdin: 'a\nb\n', checks }) }))).toBeUndefined();
    expect(recognisePitfall(evidence(run('got a\n'), { sources, test: test({ checks }) }))).toBeUndefined();
  });

  it('a failed exit check alone does not name an output pitfall', () => {
    const sources = { 'solution.ts': 'console.log(new Date().toISOString());\n' };
    const e = evidence(run('2020-01-01\n'), { sources, failed: [{ check: 'exit', passed: false, message: 'exit status 1' }] });
    expect(recognisePitfall(e)).toBeUndefined();
  });
});

describe('withHint', () => {
  it("puts the sentence before the first failed check's own hint, and leaves the others", () => {
    const checks: CheckResult[] = [
      { check: 'exit', passed: true, message: '' },
      { check: 'lines', passed: false, message: 'a', hint: 'Print one line per message.' },
      { check: 'match', passed: false, message: 'b' },
    ];
    const hinted = withHint(checks, 'The pitfall.');
    expect(hinted.map((c) => c.hint)).toEqual([undefined, 'The pitfall. Print one line per message.', undefined]);
    expect(checks[1]!.hint).toBe('Print one line per message.');
  });
});
