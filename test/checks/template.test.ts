import { describe, expect, it } from 'vitest';
import {
  NO_BINDINGS,
  TemplateSyntaxError,
  describeMismatch,
  displayTemplate,
  matchLine,
  parseTemplate,
  templateEnvironment,
  type Bindings,
  type LineMatch,
  type TemplateEnvironment,
} from '../../grader/checks/template.js';
import { NOON_UTC, makeRun } from './helpers.js';

const NOON_S = NOON_UTC / 1000; // 1764244800

function environment(overrides: Parameters<typeof makeRun>[0] = {}, toleranceS?: number): TemplateEnvironment {
  return templateEnvironment(makeRun(overrides), toleranceS);
}

function match(source: string, line: string, bindings: Bindings = NO_BINDINGS, env = environment()): LineMatch {
  return matchLine(parseTemplate(source), line, bindings, env, { line: 0, template: 0 });
}

/** The message a lines check would give for a mismatch on line 2. */
function mismatchMessage(source: string, line: string, env = environment(), bindings: Bindings = NO_BINDINGS): string {
  const result = matchLine(parseTemplate(source), line, bindings, env, { line: 1, template: 1 });
  if (result.matched) throw new Error(`expected ${JSON.stringify(line)} not to match ${source}`);
  return describeMismatch(parseTemplate(source), line, result.mismatch, 'Line 2');
}

describe('parseTemplate', () => {
  it('splits literal text and typed placeholders, with names and reserved names', () => {
    const template = parseTemplate('Hello from parent {pid:main} {pid:child}');
    expect(template.parts).toEqual([
      { kind: 'literal', text: 'Hello from parent ' },
      { kind: 'placeholder', type: 'pid', name: 'main', reserved: 'pid:main', index: 0 },
      { kind: 'literal', text: ' ' },
      { kind: 'placeholder', type: 'pid', name: 'child', index: 1 },
    ]);
    expect(displayTemplate(template)).toBe('Hello from parent <pid> <pid>');
  });
  it('reads {{ and }} as literal braces', () => {
    const template = parseTemplate('{{"a": {int}}}');
    expect(template.parts).toEqual([
      { kind: 'literal', text: '{"a": ' },
      { kind: 'placeholder', type: 'int', index: 0 },
      { kind: 'literal', text: '}' },
    ]);
    expect(match('{{"a": {int}}}', '{"a": 42}').matched).toBe(true);
    expect(match('{{int}}', '{int}').matched).toBe(true);
    expect(match('{{int}}', '{7}').matched).toBe(false);
  });
  it('rejects unknown placeholders and stray braces, saying how to write a brace', () => {
    expect(() => parseTemplate('count: {integer}')).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate('count: {integer}')).toThrow(/unknown placeholder at column 8.*\{\{/);
    expect(() => parseTemplate('a } b')).toThrow(/stray "\}" at column 3/);
    expect(() => parseTemplate('{int:}')).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate('{int')).toThrow(TemplateSyntaxError);
  });
  it('treats regular-expression characters in the literal text literally', () => {
    expect(match('[{int}] => {int} (x.y)*+?|^$\\', '[3] => 4 (x.y)*+?|^$\\').matched).toBe(true);
    expect(match('[{int}] => {int}', '3 => 4').matched).toBe(false);
    expect(match('a.b', 'axb').matched).toBe(false);
    expect(match('a-b/c', 'a-b/c').matched).toBe(true);
  });
});

describe('placeholder types', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['{int}', ['0', '42', '-7', '007'], ['', '1.5', '+3', '1e3', 'x']],
    ['{float}', ['1', '-1.5', '+2.', '.5', '6.02e23', '1E-3'], ['', '.', '1,5', 'e3', '1.2.3']],
    ['{pid}', ['1', '4242'], ['0', '-1', '012', '']],
    ['{ts}', ['1764244800.123', '1764244800.123456789', '0.000'], ['1764244800', '1764244800.12', '1764244800.1234567890', '-1.000']],
    ['{date}', ['2025-11-27', '1999-01-31'], ['2025-1-27', '2025-13-01', '2025-00-10', '27/11/2025', '2025-11-27T10:00']],
    ['{word}', ['abc', 'a-b/c.d', '€'], ['', 'a b', 'a\tb']],
    ['{any}', ['', 'anything at all', ' \t'], []],
  ];
  for (const [source, good, bad] of cases) {
    it(`${source} matches ${good.map((g) => JSON.stringify(g)).join(' ')} and nothing like ${bad.map((b) => JSON.stringify(b)).join(' ')}`, () => {
      for (const value of good) expect(match(`<${source}>`, `<${value}>`).matched, value).toBe(true);
      for (const value of bad) expect(match(`<${source}>`, `<${value}>`).matched, value).toBe(false);
    });
  }
  it('gives the captured values in placeholder order', () => {
    const result = match('Seconds: {int:s} Microseconds: {int:us}', 'Seconds: 2 Microseconds: 500123');
    expect(result.matched && result.captures.map((c) => [c.placeholder.name, c.value])).toEqual([
      ['s', '2'],
      ['us', '500123'],
    ]);
  });
});

describe('bindings', () => {
  it('binds a named value with where it came from', () => {
    const result = matchLine(parseTemplate('Child is {pid:child}'), 'Child is 345', NO_BINDINGS, environment(), { line: 3, template: 1 });
    expect(result.matched).toBe(true);
    if (result.matched) expect(result.bindings.get('child')).toEqual({ name: 'child', type: 'pid', value: '345', line: 3, template: 1 });
  });
  it('accepts a later line that repeats the bound value and rejects one that does not', () => {
    const first = match('Child is {pid:child}', 'Child is 345');
    if (!first.matched) throw new Error('first line should match');
    expect(match('Hello from child {pid:child} {int}', 'Hello from child 345 1', first.bindings).matched).toBe(true);
    const second = match('Hello from child {pid:child} {int}', 'Hello from child 346 1', first.bindings);
    expect(second).toMatchObject({ matched: false, mismatch: { kind: 'binding', value: '346', earlier: { value: '345', line: 0 } } });
  });
  it('explains a binding mismatch with the line that bound it', () => {
    const first = match('Child is {pid:child}', 'Child is 345');
    if (!first.matched) throw new Error('first line should match');
    expect(mismatchMessage('Hello from child {pid:child}', 'Hello from child 346', environment(), first.bindings)).toBe(
      'Line 2 should look like `Hello from child <pid>` with the same <pid> as in line 1 (`345`), but it was `Hello from child 346`, with `346`.',
    );
  });
  it('requires a name repeated within one line to be equal there', () => {
    expect(match('{word:w} and {word:w}', 'x and x').matched).toBe(true);
    const result = match('{word:w} and {word:w}', 'x and y');
    expect(result).toMatchObject({ matched: false, mismatch: { kind: 'binding', value: 'y', earlier: { value: 'x', line: -1 } } });
  });
  it('does not change the bindings it was given', () => {
    const start: Bindings = new Map();
    const result = match('{int:n}', '5', start);
    expect(start.size).toBe(0);
    expect(result.matched && result.bindings.get('n')?.value).toBe('5');
  });
  it('does not bind unnamed or reserved placeholders', () => {
    const result = match('{int} {pid:main}', '1 2');
    expect(result.matched && result.bindings.size).toBe(0);
  });
});

describe('{date:today}', () => {
  const kiritimati = { env: { TZ: 'Pacific/Kiritimati' } }; // UTC+14: at 12:00 UTC on the 27th it is the 28th there

  it("accepts the local date under the run's TZ", () => {
    expect(match('Today is: {date:today}', 'Today is: 2025-11-28', NO_BINDINGS, environment(kiritimati)).matched).toBe(true);
  });
  it('recognises the UTC date and says to use the local one', () => {
    const message = mismatchMessage('Today is: {date:today}', 'Today is: 2025-11-27', environment(kiritimati));
    expect(message).toContain('Line 2 should look like `Today is: <date>`, but it was `Today is: 2025-11-27`');
    expect(message).toContain('you printed the UTC date; use the local date (getFullYear/getMonth/getDate), which honours TZ');
    expect(message).toContain('TZ=Pacific/Kiritimati today is 2025-11-28');
  });
  it("uses the grader's own zone when the run has no TZ", () => {
    const env = environment({ env: {} });
    const today = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(NOON_UTC));
    expect(env.localDates).toEqual([today]);
  });
  it('takes an empty TZ as UTC, like Node does', () => {
    expect(environment({ env: { TZ: '' } }).timeZone).toBe('UTC');
  });
  it('accepts the date at the start or at the end of a run that spans midnight', () => {
    const env = environment({ env: { TZ: 'Europe/Madrid' }, startedAt: Date.UTC(2025, 10, 27, 22, 59, 59), endedAt: Date.UTC(2025, 10, 27, 23, 0, 1) });
    expect(env.localDates).toEqual(['2025-11-27', '2025-11-28']);
    expect(match('{date:today}', '2025-11-27', NO_BINDINGS, env).matched).toBe(true);
    expect(match('{date:today}', '2025-11-28', NO_BINDINGS, env).matched).toBe(true);
    expect(match('{date:today}', '2025-11-29', NO_BINDINGS, env).matched).toBe(false);
  });
  it('names a hard-coded date, and a month counted from 0', () => {
    const env = environment({ env: { TZ: 'UTC' } });
    expect(mismatchMessage('{date:today}', '2024-01-01', env)).toContain("today's date under TZ=UTC is 2025-11-27");
    expect(mismatchMessage('{date:today}', '2025-10-27', env)).toContain('getMonth() counts from 0');
  });
  it('explains a date printed in the wrong format', () => {
    expect(mismatchMessage('Today is: {date:today}', 'Today is: 2025-11-7')).toContain('pad the month and the day to two digits');
    expect(mismatchMessage('Today is: {date}', 'Today is: 11/27/2025')).toContain('YYYY-MM-DD');
    expect(mismatchMessage('Today is: {date}', 'Today is: 2025-11-27T12:00:00.000Z')).toContain('toISOString() gives the UTC date');
  });
});

describe('{ts} and {ts:now}', () => {
  it('diagnoses a millisecond timestamp exactly as a student needs it', () => {
    expect(mismatchMessage('Timestamp now: {ts}', 'Timestamp now: 1764201600123')).toBe(
      'Line 2 should look like `Timestamp now: <ts>` (a Unix time in seconds with 3–9 decimals), but it was `Timestamp now: 1764201600123`: that looks like milliseconds; divide Date.now() by 1000.',
    );
  });
  it('diagnoses a timestamp without enough decimals', () => {
    expect(mismatchMessage('Timestamp now: {ts:now}', 'Timestamp now: 1764244800')).toContain('it has no decimals');
    expect(mismatchMessage('Timestamp now: {ts:now}', 'Timestamp now: 1764244800.1')).toContain('it has only 1 decimal;');
  });
  it('accepts the current time within the tolerance of the run', () => {
    const env = environment({ startedAt: NOON_UTC, endedAt: NOON_UTC + 2000 });
    for (const ts of [NOON_S - 5, NOON_S, NOON_S + 1.5, NOON_S + 7]) {
      expect(match('{ts:now}', ts.toFixed(3), NO_BINDINGS, env).matched, String(ts)).toBe(true);
    }
    for (const ts of [NOON_S - 5.1, NOON_S + 7.1]) {
      expect(match('{ts:now}', ts.toFixed(3), NO_BINDINGS, env).matched, String(ts)).toBe(false);
    }
  });
  it('honours tsToleranceS', () => {
    const env = environment({}, 60);
    expect(match('{ts:now}', (NOON_S + 50).toFixed(3), NO_BINDINGS, env).matched).toBe(true);
  });
  it('recognises milliseconds with a fraction, a zone offset added, and a fixed time', () => {
    expect(mismatchMessage('{ts:now}', `${NOON_UTC}.000`)).toContain('that looks like milliseconds');
    expect(mismatchMessage('{ts:now}', (NOON_S + 3600).toFixed(3))).toContain('1 hour ahead of the time your program ran');
    expect(mismatchMessage('{ts:now}', '1700000000.000')).toContain('days before your program ran');
  });
});

describe('{pid:main}', () => {
  it('must be the pid of the main process when it is known', () => {
    const env = environment({ mainPid: 4242 });
    expect(match('Parent {pid:main}', 'Parent 4242', NO_BINDINGS, env).matched).toBe(true);
    expect(mismatchMessage('Parent {pid:main}', 'Parent 4243', env)).toBe(
      "Line 2 should look like `Parent <pid>`, but it was `Parent 4243`: that should be your program's own pid, process.pid (4242).",
    );
  });
  it('is any pid when the main pid is not known', () => {
    expect(match('Parent {pid:main}', 'Parent 17').matched).toBe(true);
  });
});

describe('describeMismatch', () => {
  it('says what the line should look like when the literal text differs', () => {
    expect(mismatchMessage('Sleeping {float} seconds...', 'Slept 2 seconds')).toBe(
      'Line 2 should look like `Sleeping <float> seconds...`, but it was `Slept 2 seconds`.',
    );
  });
  it('names the placeholder that got a wrong value when there are several types', () => {
    expect(mismatchMessage('Seconds: {int:s} Microseconds: {int:us} at {ts}', 'Seconds: 0.25 Microseconds: 3 at 1.000')).toContain(
      'but it was `Seconds: 0.25 Microseconds: 3 at 1.000`, and `0.25` is not a whole number: that has a fraction',
    );
  });
  it('escapes control characters of the student line', () => {
    expect(mismatchMessage('ok', '\u001b[31mok')).toBe('Line 2 should look like `ok`, but it was `\\u001b[31mok`.');
  });
  it('diagnoses JavaScript slips such as undefined and NaN', () => {
    expect(mismatchMessage('count {int}', 'count undefined')).toContain('a variable or field was never set');
    expect(mismatchMessage('count {int}', 'count NaN')).toContain('`NaN`');
    expect(mismatchMessage('value {int}', 'value 12n')).toContain('BigInt suffix');
  });
  it('says when an empty line stood where text was expected', () => {
    expect(mismatchMessage('go', '')).toBe('Line 2 should look like `go`, but it was empty.');
  });
});
