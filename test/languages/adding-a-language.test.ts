// The README's "Adding a language" recipe, followed for C: a Language object (test/fixtures/
// languages/c/) added to the registry, and the catalog's specs grade C solutions as they are,
// in the sandbox, with the observation (the threads check counts pthreads), and a compile error
// is reported at its file and line. Nothing in grader/checks/ or specs/ was touched for it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskPool } from '../../grader/grade/pool.js';
import { gradeSolution } from '../../grader/instructor/grade-solution.js';
import { LANGUAGES, locateSolution } from '../../grader/languages/index.js';
import { loadSpec } from '../../grader/spec/load.js';
import { c } from '../fixtures/languages/c/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test', 'fixtures', 'languages', 'c');
const pool = new TaskPool(2);
const hasCc = (() => {
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(() => {
  LANGUAGES.push(c);
});

afterAll(() => {
  LANGUAGES.splice(LANGUAGES.indexOf(c), 1);
});

describe('adding a language (C) touches only the registry', () => {
  it('finds a C solution by its entry file, solution.c', () => {
    const location = locateSolution(path.join(fixtures, 'solutions', 'cwd-path'), 'solution');
    expect(location).toMatchObject({ found: true, language: { name: 'c' } });
  });

  it.runIf(hasCc)(
    "grades cwd-path's C solution with the spec as it is",
    async () => {
      const spec = await loadSpec(path.join(root, 'specs', 'cwd-path.yaml'));
      const result = await gradeSolution(spec, path.join(fixtures, 'solutions', 'cwd-path'), { root, pool });
      expect(result.language).toBe('c');
      expect(result.tests.map((t) => [t.name, t.status])).toEqual(spec.tests.map((t) => [t.name, 'passed']));
    },
    120_000,
  );

  it.runIf(hasCc)(
    "counts a C program's pthreads in thread-counter's observed test",
    async () => {
      const spec = await loadSpec(path.join(root, 'specs', 'thread-counter.yaml'));
      const tests = spec.tests.filter((t) => t.observe || t.checks.some((c) => c.check === 'elapsed')).map((t) => t.name);
      expect(tests.length).toBeGreaterThanOrEqual(2);
      const result = await gradeSolution(spec, path.join(fixtures, 'solutions', 'thread-counter'), { root, pool, onlyTests: tests });
      expect(result.tests.map((t) => [t.name, t.status])).toEqual(tests.map((name) => [name, 'passed']));
      const threads = result.tests[0]!.checks.find((check) => check.check === 'threads');
      expect(threads?.message).toBe('Your program ran 100 threads of its own.');
    },
    120_000,
  );

  it.runIf(hasCc)(
    'reports a C compile error at its file and line, and runs no test',
    async () => {
      const spec = await loadSpec(path.join(root, 'specs', 'cwd-path.yaml'));
      const result = await gradeSolution(spec, path.join(fixtures, 'broken', 'cwd-path'), { root, pool });
      expect(result.status).toBe('error');
      expect(result.message).toMatch(/^Your code does not compile:\n\S*test\/fixtures\/languages\/c\/broken\/cwd-path\/solution\.c:2:11: error: expected ';'/);
      expect(result.tests.every((t) => t.message === 'not run: the solution does not compile')).toBe(true);
    },
    120_000,
  );
});
