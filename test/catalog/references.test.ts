import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../grader/spec/load.js';
import { describeFailures, gradeWith, root, specSlugs } from './catalog.js';

describe.concurrent('every reference solution passes its spec', () => {
  for (const slug of specSlugs()) {
    it(slug, async () => {
      const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
      const result = await gradeWith(spec, path.join(root, 'reference', slug));
      expect(result.status, describeFailures(result)).toBe('passed');
      expect(result.score).toBe(result.maxScore);
    });
  }
});
