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
      for (const key of Object.keys(spec.mustReject)) {
        // NAME: reference/SLUG/wrong/NAME/; LANGUAGE/NAME: reference/SLUG/LANGUAGE/wrong/NAME/.
        const [language, name] = key.includes('/') ? key.split('/', 2) : [undefined, key];
        if (language === undefined) {
          expect(variants, `mustReject names "${key}" but reference/${slug}/wrong/${key}/ does not exist`).toContain(key);
        } else {
          const folder = path.join('reference', slug, language, 'wrong', name);
          expect(existsSync(path.join(root, folder)), `mustReject names "${key}" but ${folder}/ does not exist`).toBe(true);
        }
      }
    });
  }
});
