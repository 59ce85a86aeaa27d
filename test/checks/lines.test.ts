import { describe, expect, it } from 'vitest';
import { linesCheck, type LinesConfig } from '../../grader/checks/lines.js';
import { MATCH_BUDGET, matchUnordered } from '../../grader/checks/line-matching.js';
import { parseTemplate, templateEnvironment } from '../../grader/checks/template.js';
import type { CheckOutcome } from '../../grader/checks/types.js';
import type { ProgramRun } from '../../grader/run/types.js';
import { NOON_UTC, makeContext, makeRun, printing } from './helpers.js';

function check(config: LinesConfig, run: ProgramRun): CheckOutcome {
  return linesCheck.run(config, makeContext(run));
}

describe('lines, exact mode', () => {
  const timeToday = ['Today is: {date:today}', 'Timestamp now: {ts:now}', 'From timestamp: {date:today}'];
  const kiritimati = { env: { TZ: 'Pacific/Kiritimati' }, startedAt: NOON_UTC, endedAt: NOON_UTC + 80 };

  it('passes when every line matches its template in order', () => {
    const run = printing(['Today is: 2025-11-28', 'Timestamp now: 1764244800.050', 'From timestamp: 2025-11-28'], kiritimati);
    expect(check({ expect: timeToday }, run)).toMatchObject({ passed: true });
  });
  it('reports the first wrong line, with the UTC-date diagnosis, and a diff', () => {
    const run = printing(['Today is: 2025-11-27', 'Timestamp now: 1764244800.050', 'From timestamp: 2025-11-27'], kiritimati);
    const outcome = check({ expect: timeToday }, run);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toMatch(/^Line 1 should look like `Today is: <date>`, but it was `Today is: 2025-11-27`: you printed the UTC date;/);
    expect(outcome.diff).toBe(
      [
        '--- expected',
        '+++ your output',
        '@@ -1,3 +1,3 @@',
        '-Today is: <date>',
        '+Today is: 2025-11-27',
        ' Timestamp now: 1764244800.050',
        '-From timestamp: <date>',
        '+From timestamp: 2025-11-27',
      ].join('\n'),
    );
  });
  it('reports a millisecond timestamp on its line', () => {
    const run = printing(['Today is: 2025-11-28', 'Timestamp now: 1764244800050', 'From timestamp: 2025-11-28'], kiritimati);
    expect(check({ expect: timeToday }, run).message).toBe(
      'Line 2 should look like `Timestamp now: <ts>` (a Unix time in seconds with 3–9 decimals), but it was `Timestamp now: 1764244800050`: that looks like milliseconds; divide Date.now() by 1000.',
    );
  });
  it('says the program printed nothing when stdout is empty', () => {
    const outcome = check({ expect: ['Sleeping {float} seconds...'] }, makeRun({ stdout: '\n' }));
    expect(outcome).toMatchObject({
      passed: false,
      message: 'Your program printed nothing on stdout. The first line should look like `Sleeping <float> seconds...`.',
    });
    expect(outcome.diff).toBeUndefined();
  });
  it('reports output that ends too early', () => {
    const outcome = check({ expect: ['a', 'b {int}', 'c'] }, printing(['a']));
    expect(outcome.message).toBe('The stdout ended after 1 line; line 2 should look like `b <int>`, and 1 more line should follow.');
  });
  it('reports lines after the expected end', () => {
    const outcome = check({ expect: ['a'] }, printing(['a', 'b', 'c']));
    expect(outcome.message).toBe('Line 2 `b` should not be there: the stdout should end after line 1 (2 extra lines in all).');
    expect(outcome.diff).toContain('+b\n+c');
  });
  it('aligns the diff around an inserted line', () => {
    const outcome = check(
      { expect: ['[0] => {int}', '[1] => {int}', 'Main thread exiting.'] },
      printing(['[0] => 0', 'debug!', '[1] => 0', 'Main thread exiting.']),
    );
    expect(outcome.message).toContain('Line 2 should look like `[1] => <int>`, but it was `debug!`.');
    expect(outcome.diff).toBe(['--- expected', '+++ your output', '@@ -1,3 +1,4 @@', ' [0] => 0', '+debug!', ' [1] => 0', ' Main thread exiting.'].join('\n'));
  });
  it('holds bound names equal across lines (fork-exec: the same child pid twice)', () => {
    const expectLines = ['Child is {pid:c1}', 'Hello from child {pid:c1} 1'];
    expect(check({ expect: expectLines }, printing(['Child is 501', 'Hello from child 501 1'])).passed).toBe(true);
    const outcome = check({ expect: expectLines }, printing(['Child is 501', 'Hello from child 777 1']));
    expect(outcome.message).toBe(
      'Line 2 should look like `Hello from child <pid> 1` with the same <pid> as in line 1 (`501`), but it was `Hello from child 777 1`, with `777`.',
    );
  });
  it('reads stderr when asked, and names it', () => {
    const run = makeRun({ stdout: 'frame 0: "a"\n', stderr: 'error: truncated\n' });
    expect(check({ stream: 'stderr', expect: ['error: truncated frame'] }, run).message).toBe(
      'Line 1 of stderr should look like `error: truncated frame`, but it was `error: truncated`.',
    );
  });
  it('normalises CRLF and trailing spaces before matching', () => {
    expect(check({ expect: ['a {int}', 'b'] }, makeRun({ stdout: 'a 1  \r\nb\t\r\n\r\n' })).passed).toBe(true);
  });
  it('mentions output cut at the size limit', () => {
    expect(check({ expect: ['a', 'b'] }, makeRun({ stdout: 'a\n', truncated: true })).message).toContain('cut at the size limit');
  });
  it('with no templates, requires the stream to be empty', () => {
    expect(check({ stream: 'stderr', expect: [] }, makeRun({ stderr: '\n' }))).toMatchObject({
      passed: true,
      message: 'Nothing was printed on stderr, as expected.',
    });
    expect(check({ stream: 'stderr', expect: [] }, makeRun({ stderr: 'Warning: x\nmore\n' })).message).toBe(
      'Nothing should be printed on stderr, but line 1 of stderr is `Warning: x` (2 extra lines in all).',
    );
  });
  it('honours tsToleranceS', () => {
    const run = printing([(NOON_UTC / 1000 + 30).toFixed(3)]);
    expect(check({ expect: ['{ts:now}'] }, run).passed).toBe(false);
    expect(check({ expect: ['{ts:now}'], tsToleranceS: 60 }, run).passed).toBe(true);
  });
});

describe('lines, unordered mode', () => {
  it('passes in any order', () => {
    expect(check({ mode: 'unordered', expect: ['enter 0', 'enter 1', 'leave 0'] }, printing(['enter 1', 'leave 0', 'enter 0'])).passed).toBe(true);
  });
  it('does not let a general template steal the line a specific one needs', () => {
    // Greedy matching would give `exact line` to {any} and leave nothing for the second template.
    expect(check({ mode: 'unordered', expect: ['{any}', 'exact line'] }, printing(['exact line', 'other'])).passed).toBe(true);
    expect(check({ mode: 'unordered', expect: ['worker {int} started', 'worker 3 started'] }, printing(['worker 3 started', 'worker 5 started'])).passed).toBe(
      true,
    );
  });
  it('backtracks over bindings (the first binding tried can be the wrong one)', () => {
    const expectLines = ['{word:x} one', '{word:x} two', '{any}'];
    expect(check({ mode: 'unordered', expect: expectLines }, printing(['a one', 'b one', 'b two'])).passed).toBe(true);
    expect(check({ mode: 'unordered', expect: expectLines }, printing(['a one', 'b one', 'c two'])).passed).toBe(false);
  });
  it('pairs parents and children by pid (fork-hello with two children, interleaved)', () => {
    const expectLines = [
      'Hello from parent {pid:main} {pid:a}',
      'Hello from child {pid:a}',
      'Hello from parent {pid:main} {pid:b}',
      'Hello from child {pid:b}',
    ];
    const run = printing(['Hello from child 12', 'Hello from parent 10 11', 'Hello from parent 10 12', 'Hello from child 11'], { mainPid: 10 });
    expect(check({ mode: 'unordered', expect: expectLines }, run).passed).toBe(true);
    const wrongChild = printing(['Hello from child 13', 'Hello from parent 10 11', 'Hello from parent 10 12', 'Hello from child 11'], { mainPid: 10 });
    const outcome = check({ mode: 'unordered', expect: expectLines }, wrongChild);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('No line of its own looks like `Hello from child <pid>`.');
    expect(outcome.message).toContain('with the same <pid> as in line');
  });
  it('fails on an extra line even when every template found one', () => {
    const outcome = check({ mode: 'unordered', expect: ['a', 'b'] }, printing(['b', 'a', 'a']));
    expect(outcome).toMatchObject({ passed: false });
    expect(outcome.message).toBe('The stdout should have 2 lines (in any order), but it has 3. Not expected: line 3 `a`.');
  });
  it('names missing lines and explains the closest candidate', () => {
    const outcome = check({ mode: 'unordered', expect: ['take {int} size={int}', 'put {int} size={int}'] }, printing(['put 1 size=1', 'take 1 size=-']));
    expect(outcome.message).toBe(
      'No line of its own looks like `take <int> size=<int>`. The closest: Line 2 should look like `take <int> size=<int>`, but it was `take 1 size=-`, and `-` is not a whole number.',
    );
  });
  // Work is counted in steps (single-line comparisons and candidate lines visited), not timed:
  // timing lives in the benchmark (npm run bench -- --matching).
  const unordered = (expect: string[], lines: string[]) => matchUnordered(expect.map(parseTemplate), lines, templateEnvironment(makeRun()));

  it('matches thousands of plain-text lines in steps linear in their number', () => {
    const expected = Array.from({ length: 5000 }, (_, i) => `[${i % 50}] => ${Math.floor(i / 50)}`);
    expect(check({ mode: 'unordered', expect: expected }, printing([...expected].reverse())).passed).toBe(true);
    const reversed = unordered(expected, [...expected].reverse());
    expect(reversed.passed).toBe(true);
    expect(reversed.steps).toBeLessThanOrEqual(2 * expected.length);
    const rotated = unordered(expected, [...expected.slice(1), '[0] => 0']);
    expect(rotated.passed).toBe(true);
    expect(rotated.steps).toBeLessThanOrEqual(2 * expected.length);
    const missing = check({ mode: 'unordered', expect: expected }, printing([...expected.slice(1), '[0] => 1']));
    expect(missing.message).toBe('No line of its own looks like `[0] => 0`. Not expected: line 5000 `[0] => 1`.');
    expect(unordered(expected, [...expected.slice(1), '[0] => 1']).steps).toBeLessThanOrEqual(2 * expected.length);
  });
  it('matches hundreds of lines, plain or with placeholders, in at most quadratic steps', () => {
    const expected = Array.from({ length: 400 }, (_, i) => `[${i % 20}] => ${Math.floor(i / 20)}`);
    const shuffled = [...expected].reverse();
    expect(check({ mode: 'unordered', expect: expected }, printing(shuffled)).passed).toBe(true);
    const general = Array.from({ length: 400 }, () => '[{int}] => {int}');
    expect(check({ mode: 'unordered', expect: general }, printing(shuffled)).passed).toBe(true);
    const result = unordered(general, shuffled);
    expect(result.passed).toBe(true);
    // One comparison per line to find the group's candidates, then each place scans the lines before it.
    expect(result.steps).toBeLessThanOrEqual(shuffled.length + (shuffled.length * (shuffled.length + 1)) / 2);
  });
  it('gives up within its budget on many interlocking bound templates that cannot all match', () => {
    const templates = Array.from({ length: 12 }, (_, i) => parseTemplate(`{word:w${i}} {word:w${(i + 1) % 12}}`));
    const lines = Array.from({ length: 12 }, (_, i) => `x${i} y${i}`);
    const result = matchUnordered(templates, lines, templateEnvironment(makeRun()));
    expect(result.passed).toBe(false);
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThanOrEqual(MATCH_BUDGET + templates.length * lines.length);
  });
});

describe('lines, contains mode', () => {
  it('finds the templates in order among other lines', () => {
    const run = printing(['Process 11 spawned', 'noise', 'Main process exiting.', '[11] => 0']);
    expect(check({ mode: 'contains', expect: ['Process {pid} spawned', 'Main process exiting.'] }, run).passed).toBe(true);
  });
  it('fails when the order is wrong, saying after which line it looked', () => {
    const run = printing(['Main process exiting.', 'Process 11 spawned']);
    const outcome = check({ mode: 'contains', expect: ['Process {pid} spawned', 'Main process exiting.'] }, run);
    expect(outcome.message).toBe('No line after line 2 of stdout looks like `Main process exiting.`: the output ended after line 2.');
  });
  it('backtracks when the first candidate binds the wrong value', () => {
    const run = printing(['start 1', 'start 2', 'noise', 'end 2']);
    expect(check({ mode: 'contains', expect: ['start {int:n}', 'end {int:n}'] }, run).passed).toBe(true);
  });
  it('explains the closest line when a template is not found', () => {
    const run = printing(['Sleeping 0.25 seconds...', 'Seconds: 0 Microseconds: 250.5']);
    expect(check({ mode: 'contains', expect: ['Seconds: {int} Microseconds: {int}'] }, run).message).toBe(
      'No line of stdout looks like `Seconds: <int> Microseconds: <int>`. The closest: Line 2 should look like `Seconds: <int> Microseconds: <int>`, but it was `Seconds: 0 Microseconds: 250.5`, and `250.5` is not a whole number: that has a fraction; print a whole number (e.g. Math.floor or Math.round).',
    );
  });
});
