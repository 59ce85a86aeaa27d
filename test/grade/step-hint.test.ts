// A spec's step `hint` reaches the student: graded end to end, the failed test's ending check
// carries it in place of the grader's own advice.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { TaskPool } from '../../grader/grade/pool.js';
import { gradeSolution } from '../../grader/instructor/grade-solution.js';
import { parseSpec } from '../../grader/spec/load.js';

const root = path.resolve(import.meta.dirname, '../..');

it("shows a failed step's own hint", async () => {
  const spec = parseSpec(
    `slug: hinted
tests:
  - name: says ready
    steps:
      - expect: "ready"
        hint: Print ready only once the handlers are installed.
    checks:
      - check: exit
`,
    path.join(root, 'specs', 'hinted.yaml'),
  );
  const solution = await mkdtemp(path.join(tmpdir(), 'hinted-'));
  await writeFile(path.join(solution, 'solution.ts'), 'console.log("not ready");\n');
  const result = await gradeSolution(spec, solution, { root, pool: new TaskPool(1) });
  const failed = result.tests[0]!.checks?.find((check) => !check.passed);
  expect(failed?.check).toBe('ending');
  expect(failed?.message).toBe(
    'Your program exited with status 0 during the interactive steps. step 1 (expect "ready"): the program ended before printing it. The last line it printed was `not ready`.',
  );
  expect(failed?.hint).toContain('Print ready only once the handlers are installed.');
});
