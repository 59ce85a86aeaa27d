import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../grader/spec/load.js';
import { gradeWith, root, specSlugs } from './catalog.js';

describe.concurrent('every starter compiles and fails with a helpful message, not a crash of the grader', () => {
  for (const slug of specSlugs()) {
    it(slug, async () => {
      const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
      const result = await gradeWith(spec, path.join(root, 'assignments', slug));
      expect(result.status, result.message).toBe('failed');
      expect(result.score).toBeLessThan(result.maxScore);
      for (const test of result.tests) {
        expect(test.status).not.toBe('error');
        if (test.status === 'failed') expect(test.message.length).toBeGreaterThan(10);
      }
    });
  }
});
