// Correct programs whose child answers before its parent prints: the statements of fork-hello
// and fork-exec allow either order, so their specs must pass them (interactive test included).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../grader/spec/load.js';
import { describeFailures, gradeWith, root, unexplainedFailures } from './catalog.js';

describe.concurrent('a correct solution whose child answers first passes', () => {
  for (const slug of ['fork-hello', 'fork-exec']) {
    it(slug, async () => {
      const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
      const result = await gradeWith(spec, path.join(root, 'test', 'fixtures', 'any-order', slug));
      // A test the grader could not measure (its doubt, "not your fault") is
      // not a defect of the solution: no test may fail, and the rest must pass.
      expect(unexplainedFailures(result), describeFailures(result)).toEqual([]);
      expect(result.tests.map((test) => test.name)).toContain('interactive, and it ends on q while standard input stays open');
    });
  }
});
