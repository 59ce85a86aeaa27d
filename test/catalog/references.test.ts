import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../grader/spec/load.js';
import { describeFailures, gradeWith, root, specSlugs, unexplainedFailures } from './catalog.js';

describe.concurrent('every reference solution passes its spec', () => {
  for (const slug of specSlugs()) {
    it(slug, async () => {
      const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
      const result = await gradeWith(spec, path.join(root, 'reference', slug));
      // A test the grader could not measure (its doubt, after its retries) is its own error (never the
      // student's failure): not a defect of the reference, as long as no test failed.
      expect(unexplainedFailures(result), describeFailures(result)).toEqual([]);
      if (result.status === 'passed') expect(result.score).toBe(result.maxScore);
    });
  }
});
