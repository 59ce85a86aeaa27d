// Each pitfall program under test/fixtures/pitfalls/ is graded through a tiny spec; the failed
// test must carry the hint that names its pitfall.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskPool } from '../../grader/grade/pool.js';
import { gradeSolution } from '../../grader/instructor/grade-solution.js';
import type { TestResult } from '../../grader/report/types.js';
import { parseSpec } from '../../grader/spec/load.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/pitfalls');
const pool = new TaskPool(2);
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pitfalls-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Grades the fixture NAME with the spec's tests (YAML text of the `tests:` list). */
async function grade(name: string, tests: string): Promise<TestResult[]> {
  const spec = parseSpec(`slug: ${name}\ntests:\n${tests}`, path.join(root, `${name}.yaml`));
  const result = await gradeSolution(spec, path.join(fixtures, name), { root, pool });
  return result.tests;
}

function hintsOf(test: TestResult): string {
  return test.checks
    .filter((c) => !c.passed)
    .map((c) => c.hint ?? '')
    .join(' | ');
}

/** The one failed test's hints (asserting it failed). */
function failedHints(tests: TestResult[]): string {
  const failed = tests.filter((t) => t.status === 'failed');
  expect(failed.length, JSON.stringify(tests, null, 1)).toBeGreaterThan(0);
  return failed.map(hintsOf).join(' || ');
}

describe.concurrent('each pitfall program gets the hint that names its pitfall', () => {
  it('output lost by process.exit() after a big write to a pipe', async () => {
    const tests = await grade(
      'exit-after-write',
      `  - name: relays every line of its child
    checks:
      - check: exit
      - check: match
        pattern: '^line 99999$'
        flags: m
`,
    );
    expect(failedHints(tests)).toContain('`process.exit()` ends a program before what it wrote to a pipe has all gone out');
  });

  it('worker output lost when the main thread exits', async () => {
    const expect20 = Array.from({ length: 20 }, () => '          - "[{int}] => {int}"').join('\n');
    const tests = await grade(
      'worker-output-lost',
      `  - name: every worker prints five lines
    checks:
      - check: exit
      - check: lines
        mode: unordered
        expect:
${expect20}
          - "Main thread exiting."
`,
    );
    expect(failedHints(tests)).toContain("wait for each worker with `await once(worker, 'exit')`");
  });

  it('lines dropped by rl.question() with piped input', async () => {
    const tests = await grade(
      'question-drops-lines',
      `  - name: answers every line
    stdin: "a\\nb\\nc\\nd\\ne\\n"
    checks:
      - check: lines
        expect: ["got a", "got b", "got c", "got d", "got e"]
`,
    );
    expect(failedHints(tests)).toContain('`rl.question()` in a loop loses lines');
  });

  it('the UTC date from toISOString()', async () => {
    // At every hour one of the two zones has a local date other than the UTC date.
    const tests = await grade(
      'utc-date',
      `  - name: far east
    env: { TZ: Pacific/Kiritimati }
    checks:
      - check: lines
        expect: ["Today is: {date:today}"]
  - name: far west
    env: { TZ: Pacific/Pago_Pago }
    checks:
      - check: lines
        expect: ["Today is: {date:today}"]
`,
    );
    const failed = tests.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const test of failed) expect(hintsOf(test)).toContain('`toISOString()` gives the date in UTC');
  });

  it('starting a sibling by its .ts name', async () => {
    const tests = await grade(
      'ts-extension',
      `  - name: the child says hello
    checks:
      - check: lines
        expect: ["hello from the child", "child said goodbye: true"]
`,
    );
    expect(failedHints(tests)).toContain("name the sibling by its built name, e.g. `new URL('./child.js', import.meta.url)`");
  });

  it("execSync's 1 MiB maxBuffer", async () => {
    const tests = await grade(
      'max-buffer',
      `  - name: all of seq's output
    checks:
      - check: match
        pattern: '^300000$'
        flags: m
`,
    );
    expect(failedHints(tests)).toContain('keep at most 1 MiB');
  });

  it('no pitfall hint for a failure that is none of them', async () => {
    const tests = await grade(
      'question-drops-lines',
      `  - name: says something else
    checks:
      - check: lines
        expect: ["something else"]
`,
    );
    const failed = tests.filter((t) => t.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(hintsOf(failed[0]!)).toBe('');
  });
});
