import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlAttribute, xmlText } from '../../grader/report/escape.js';
import { junitReporter, junitXml } from '../../grader/report/junit.js';
import { SECRET, hostileSummary } from './hostile-summary.js';

interface Node {
  [key: string]: unknown;
}

function parse(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
    processEntities: true,
    htmlEntities: false,
    trimValues: false,
  });
  return parser.parse(xml) as Node;
}

describe('the JUnit XML report', () => {
  it('is well-formed XML: testsuites > a testsuite per exercise > a testcase per test', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'junit-')), 'junit.xml');
    await junitReporter({ file, root: '/repo' }).onEnd?.(hostileSummary());
    const root = parse(await readFile(file, 'utf8')).testsuites as Node;
    expect(root).toMatchObject({ '@tests': '6', '@failures': '4', '@errors': '0' });
    const suites = root.testsuite as Node[];
    expect(suites.map((s) => [s['@name'], s['@tests'], s['@failures']])).toEqual([
      ['time-today', '3', '2'],
      ['env-list', '1', '0'],
      ['popen', '1', '1'],
      ['cwd-path', '1', '1'],
    ]);
    const cases = suites[0]!.testcase as Node[];
    expect(cases.map((c) => c['@name'])).toEqual(['prints a header', 'local date <b>|x|</b>', 'hidden edge case']);
    expect(cases.map((c) => c['@file'])).toEqual(Array(3).fill('assignments/time-today/solution.ts'));
    expect(cases.map((c) => c['@line'])).toEqual([undefined, undefined, undefined]);
    expect(cases[0]!.failure).toBeUndefined();
    const failure = cases[1]!.failure as Node;
    expect(failure['@type']).toBe('lines');
    expect(failure['@message']).toBe('Line 2 should be "Today is: 2026-11-28" but was: got "x"');
    expect(failure['#text']).toContain('</failure><x/> ]]> | --- |');
    expect(failure['#text']).toContain('<script>alert(1)</script>');
    expect(failure['#text']).toContain('Hint: Use the local date.');
    const properties = (suites[0]!.properties as Node).property as Node[];
    expect(properties.map((p) => [p['@name'], p['@value']])).toEqual([
      ['title', 'Title of time-today'],
      ['status', 'failed'],
      ['score', '1'],
      ['maxScore', '5'],
    ]);
  });

  it('shows characters XML 1.0 forbids as \\u escapes and strips terminal sequences', () => {
    const xml = junitXml(hostileSummary(), '/repo');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('\\ud800 end');
    expect(xml).not.toContain('\u001b[31m');
  });

  it('keeps hidden tests to "failed" and says why an exercise was not graded', () => {
    const xml = junitXml(hostileSummary(), '/repo');
    expect(xml).not.toContain(SECRET);
    const suites = (parse(xml).testsuites as Node).testsuite as Node[];
    const hidden = (suites[0]!.testcase as Node[])[2]!.failure as Node;
    expect(hidden['@message']).toBe('hidden test failed');
    const notCompiled = (suites[3]!.testcase as Node[])[0]!.failure as Node;
    expect(notCompiled['#text']).toContain('solution.ts:3:7: ERROR:');
  });

  it('escapes attribute values with newlines, quotes and ampersands so that they read back the same', () => {
    const value = 'a "b" & \'c\' <d>\n\te';
    const xml = `<x v="${xmlAttribute(value)}">${xmlText(value)}</x>`;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, htmlEntities: true }).parse(xml) as { x: Node };
    expect(parsed.x['@v']).toBe(value);
    expect(parsed.x['#text']).toBe(value);
  });

  it("gives each testcase the student's file, and the line a stack trace or compiler message names there", () => {
    const summary = hostileSummary();
    const [today, , popen, cwdPath] = summary.exercises;
    today!.tests[1]!.stderrTail = 'Error: boom\n    at main (/repo/assignments/time-today/helper.ts:8:3)';
    today!.tests[2]!.stderrTail = 'at /repo/assignments/time-today/solution.ts:5:1';
    cwdPath!.message = 'Your code does not compile:\n/repo/assignments/cwd-path/solution.ts:3:7: error: oops';
    const suites = (parse(junitXml(summary, '/repo')).testsuites as Node).testsuite as Node[];
    const attributes = (suite: Node): Array<[unknown, unknown]> => (suite.testcase as Node[]).map((c) => [c['@file'], c['@line']]);
    expect(attributes(suites[0]!)).toEqual([
      ['assignments/time-today/solution.ts', undefined],
      ['assignments/time-today/helper.ts', '8'],
      // A hidden test's trace is part of its details: no line.
      ['assignments/time-today/solution.ts', undefined],
    ]);
    expect(attributes(suites[2]!)).toEqual([['assignments/popen/solution.ts', undefined]]);
    expect(attributes(suites[3]!)).toEqual([['assignments/cwd-path/solution.ts', '3']]);
    expect(popen!.status).toBe('missing');
  });
});
