import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMeasurementError } from '../../grader/grade/measurement-doubt.js';
import { loadSpec } from '../../grader/spec/load.js';
import { describeFailures, gradeWith, root, specSlugs, variantsOf } from './catalog.js';

// Kattis-style: each known-bad variant in reference/SLUG/wrong/NAME/ must fail the test its
// spec's mustReject names, reported by the check kind it names, with the message it names.
describe.concurrent('every known-bad variant is rejected by the check meant to catch it', () => {
  for (const slug of specSlugs()) {
    for (const variant of variantsOf(slug)) {
      it(`${slug}/${variant}`, async () => {
        const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
        const expectation = spec.mustReject[variant];
        expect(expectation, `specs/${slug}.yaml has no mustReject entry for the variant "${variant}"`).toBeDefined();
        if (!expectation) return;
        const result = await gradeWith(spec, path.join(root, 'reference', slug, 'wrong', variant), expectation.tests);
        const failed = result.tests.filter((t) => t.status === 'failed');
        // The grader may doubt its own measurement of every named test (its error, "not your
        // fault", after its retries; see catalog.ts unexplainedFailures): the variant is then not
        // passed, only not judged. A pass never counts.
        if (failed.length === 0 && result.tests.length > 0 && result.tests.every(isMeasurementError)) return;
        expect(failed.length, `the variant passed ${expectation.tests.map((t) => `"${t}"`).join(' and ')}`).toBeGreaterThan(0);
        const byKind = failed.flatMap((t) => t.checks).filter((c) => !c.passed && c.check === expectation.check);
        expect(byKind.length, `expected a failing "${expectation.check}" check; got:\n${describeFailures(result)}`).toBeGreaterThan(0);
        // The intended check may doubt its own observation (the variant is still rejected by
        // another check): its message is then the grader's doubt, not the one named.
        const measured = byKind.filter((c) => c.doubt === undefined);
        if (expectation.message !== undefined && measured.length > 0) {
          expect(measured.map((c) => c.message).join('\n')).toContain(expectation.message);
        }
      });
    }
  }
});
