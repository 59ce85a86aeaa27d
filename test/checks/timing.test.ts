import { describe, expect, it } from 'vitest';
import { judgeGap, timingCheck } from '../../grader/checks/timing.js';
import { lineArrivals } from '../../grader/run/arrivals.js';
import { makeContext, makeRun } from './helpers.js';

/** A run whose stdout lines arrived at the given ms after the start. */
const arrived = (lines: Array<[string, number]>) =>
  makeContext(makeRun({ stdout: lines.map(([line]) => `${line}\n`).join(''), lineArrivalsMs: lines.map(([, at]) => at) }));

const counting = { rules: [{ line: '[{pid:p}] => {int}', after: ['Process {pid:p} spawned', '[{pid:p}] => {int}'], minMs: 800 }], slackMs: 100 };

describe('timing', () => {
  it('times each line from the latest earlier line that shares its fields', () => {
    const run = arrived([
      ['Process 11 spawned', 5],
      ['Process 12 spawned', 6],
      ['[11] => 0', 900],
      ['[12] => 0', 905],
      ['[11] => 1', 1702],
      ['[12] => 1', 1710],
    ]);
    expect(timingCheck.run(counting, run).passed).toBe(true);
  });

  it('fails a pause after the line instead of before it, naming both lines and the promised pause', () => {
    const run = arrived([
      ['Process 11 spawned', 5],
      ['[11] => 0', 90],
      ['[11] => 1', 890],
    ]);
    const outcome = timingCheck.run(counting, run);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe(
      'Line 2 `[11] => 0` came 85 ms after line 1 `Process 11 spawned`, but it should come at least 800 ms after it (the pause before it).',
    );
    expect(outcome.hint).toContain('pause before printing the line');
  });

  it('neither fails nor passes a program for the grader stalling: a line seen late may have come as early as the poll before', () => {
    const rule = { rules: [{ line: 'two', after: 'one', minMs: 240 }], slackMs: 150 };
    // "one" was first seen 200 ms late (the grader's poller stalled), "two" on time: 45 ms apart as seen,
    // but as much as 245 ms apart for all the grader knows: its doubt (a retry, then its error).
    const stalled = timingCheck.run(rule, makeContext(makeRun({ stdout: 'one\ntwo\n', lineArrivalsMs: [600, 645], lineEarliestMs: [400, 641] })));
    expect(stalled.passed).toBe(false);
    expect(stalled.doubt).toBe(
      'its reading of your output stalled: line 2 `two` came between 41 ms and 245 ms after line 1 `one` as far as it can tell, and at least 240 ms is expected',
    );
    // The same lines seen on time, 45 ms apart: a pause missing.
    const prompt = makeContext(makeRun({ stdout: 'one\ntwo\n', lineArrivalsMs: [600, 645], lineEarliestMs: [596, 641] }));
    expect(timingCheck.run(rule, prompt).passed).toBe(false);
  });

  it('fails a line surely out of time even when it doubted another', () => {
    const rule = {
      rules: [
        { line: 'two', after: 'one', minMs: 240 },
        { line: 'three', after: 'two', minMs: 240 },
      ],
      slackMs: 150,
    };
    const run = makeContext(makeRun({ stdout: 'one\ntwo\nthree\n', lineArrivalsMs: [600, 645, 650], lineEarliestMs: [400, 641, 646] }));
    const outcome = timingCheck.run(rule, run);
    expect(outcome.doubt).toBeUndefined();
    expect(outcome.message).toContain('Line 3 `three` came 9 ms after line 2 `two`');
  });

  it('allows the slack, not more', () => {
    const rule = { rules: [{ line: 'two', after: 'one', minMs: 400 }], slackMs: 50 };
    expect(
      timingCheck.run(
        rule,
        arrived([
          ['one', 10],
          ['two', 361],
        ]),
      ).passed,
    ).toBe(true);
    expect(
      timingCheck.run(
        rule,
        arrived([
          ['one', 10],
          ['two', 359],
        ]),
      ).passed,
    ).toBe(false);
  });

  it('fails output collected and printed at the end (maxMs), and times from the start without `after`', () => {
    const soon = { rules: [{ line: 'first', maxMs: 300 }], slackMs: 100 };
    expect(timingCheck.run(soon, arrived([['first', 150]])).passed).toBe(true);
    const outcome = timingCheck.run(soon, arrived([['first', 2500]]));
    expect(outcome.message).toBe('Line 1 `first` came 2.5 s after the start of the program, but it should come within 300 ms of it.');
    expect(outcome.hint).toContain('as soon as it is ready');
  });

  it('fails when a timed line has no line to be timed from, or no line is timed at all', () => {
    expect(timingCheck.run(counting, arrived([['[11] => 0', 900]])).message).toBe(
      'Line 1 `[11] => 0` should come after a line like `Process {pid:p} spawned` or `[{pid:p}] => {int}`, but none came before it.',
    );
    expect(timingCheck.run(counting, arrived([['nothing', 900]])).message).toBe(
      'No line like `[{pid:p}] => {int}` was printed, so when it came could not be checked.',
    );
  });

  it('is a grader problem when the arrival times were not recorded', () => {
    expect(timingCheck.run(counting, makeContext(makeRun({ stdout: 'x\n' }))).message).toContain('grader problem');
  });
});

describe('lineArrivals', () => {
  it('gives each line the first sample that holds its last byte, counting bytes of multi-byte text', () => {
    // "é\n" is 3 bytes; "b\n" 2; "c" (no newline) 1.
    const samples = [
      { bytes: 2, atMs: 10, sinceMs: 6 },
      { bytes: 3, atMs: 20, sinceMs: 16 },
      { bytes: 5, atMs: 30, sinceMs: 26 },
      { bytes: 6, atMs: 40, sinceMs: 36 },
    ];
    expect(lineArrivals('é\nb\nc', samples)).toEqual({ latestMs: [20, 30, 40], earliestMs: [16, 26, 36] });
  });

  it('gives lines beyond the last sample its time, and nothing without samples', () => {
    expect(lineArrivals('a\nb\n', [{ bytes: 2, atMs: 7 }]).latestMs).toEqual([7, 7]);
    expect(lineArrivals('a\n', [])).toEqual({ latestMs: [], earliestMs: [] });
  });
});

describe('judgeGap', () => {
  const pause = { minMs: 300 };
  const soon = { maxMs: 300 };
  it('judges a gap the polls measured closely: the slack decides for the program', () => {
    expect(judgeGap(295, 305, pause, 100)).toBe('within');
    expect(judgeGap(190, 199, pause, 100)).toBe('outside');
    expect(judgeGap(195, 205, pause, 100)).toBe('within'); // straddles 200 within a 10 ms window
    expect(judgeGap(395, 405, soon, 100)).toBe('within');
    expect(judgeGap(401, 410, soon, 100)).toBe('outside');
  });
  it('is unsure when a stalled reading leaves the gap on both sides of the bound', () => {
    expect(judgeGap(-300, 300, pause, 100)).toBe('unsure'); // both lines in one late sample
    expect(judgeGap(100, 500, soon, 100)).toBe('unsure');
    // A wide window wholly on one side still decides.
    expect(judgeGap(250, 900, pause, 100)).toBe('within');
    expect(judgeGap(-300, 150, pause, 100)).toBe('outside');
    expect(judgeGap(450, 900, soon, 100)).toBe('outside');
  });
});
