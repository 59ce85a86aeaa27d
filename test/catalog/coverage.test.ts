import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../grader/spec/load.js';
import { root, specSlugs, variantsOf } from './catalog.js';

describe('each exercise is complete', () => {
  for (const slug of specSlugs()) {
    it(`${slug} has a statement, a starter, a reference and known-bad variants that all exist`, async () => {
      expect(existsSync(path.join(root, 'assignments', slug, 'README.md'))).toBe(true);
      expect(existsSync(path.join(root, 'assignments', slug, 'solution.ts'))).toBe(true);
      expect(existsSync(path.join(root, 'reference', slug, 'solution.ts'))).toBe(true);
      const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
      const variants = variantsOf(slug);
      expect(variants.length).toBeGreaterThan(0);
      for (const name of Object.keys(spec.mustReject)) {
        expect(variants, `mustReject names "${name}" but reference/${slug}/wrong/${name}/ does not exist`).toContain(name);
      }
    });
  }
});
