import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradescopeReporter, gradescopeResults } from '../../grader/report/gradescope.js';
import { SECRET, hostileSummary } from './hostile-summary.js';

const VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];

describe("Gradescope's results.json", () => {
  it('has the documented top-level fields and one test per spec test', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gs-')), 'results', 'results.json');
    await gradescopeReporter({ file }).onEnd?.(hostileSummary());
    const results = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(results).sort()).toEqual(['execution_time', 'output', 'output_format', 'score', 'stdout_visibility', 'tests', 'visibility']);
    expect(results).toMatchObject({ score: 3, execution_time: 2, output_format: 'text', visibility: 'visible', stdout_visibility: 'hidden' });
    expect(results.output).toContain('3/9 points; 1 of 4 exercises passed.');
    expect(results.output).toContain('popen: No solution found');
    expect(results.tests).toHaveLength(6);
    for (const test of results.tests) {
      expect(Object.keys(test).sort()).toEqual(['max_score', 'name', 'number', 'output', 'output_format', 'score', 'status', 'tags', 'visibility']);
      expect(['passed', 'failed']).toContain(test.status);
      expect(VISIBILITY).toContain(test.visibility);
      expect(typeof test.score).toBe('number');
      expect(typeof test.max_score).toBe('number');
    }
    expect(results.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0)).toBe(results.score);
    expect(results.tests.reduce((sum: number, t: { max_score: number }) => sum + t.max_score, 0)).toBe(9);
  });

  it('names, numbers and scores each test, with the failure details in its output', () => {
    const tests = gradescopeResults(hostileSummary()).tests;
    expect(tests.map((t) => [t.number, t.name, t.status, t.score, t.max_score])).toEqual([
      ['1.1', 'time-today: prints a header', 'passed', 1, 1],
      ['1.2', 'time-today: local date <b>|x|</b>', 'failed', 0, 2],
      ['1.3', 'time-today: hidden edge case', 'failed', 0, 2],
      ['2.1', 'env-list: lists', 'passed', 2, 2],
      ['3.1', 'popen: runs', 'failed', 0, 1],
      ['4.1', 'cwd-path: prints cwd', 'failed', 0, 1],
    ]);
    expect(tests[1]!.output).toContain('Line 2 should be "Today is: 2026-11-28"');
    expect(tests[1]!.output).toContain('Hint: Use the local date.');
    expect(tests[1]!.output).not.toMatch(/[\u0000\u0007\u001b\r]/);
    expect(tests[4]!.output).toContain('not run: the solution is missing');
  });

  it('gives hidden tests a later visibility and no details', () => {
    const hidden = gradescopeResults(hostileSummary()).tests[2]!;
    expect(hidden.visibility).toBe('after_published');
    expect(hidden.output).toBe('A hidden test: only whether it passed is shown. It failed.');
    expect(JSON.stringify(gradescopeResults(hostileSummary()))).not.toContain(SECRET);
    expect(gradescopeResults(hostileSummary(), { hiddenVisibility: 'after_due_date' }).tests[2]!.visibility).toBe('after_due_date');
  });
});
