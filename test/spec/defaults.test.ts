// The defaults the schema's descriptions promise (what instructors read in their editor and in
// specs/schema.json) are the ones the code applies. Every "(default X)" in the schema must have
// a row here; a new default without one fails, so that it is checked too.
import { describe, expect, it } from 'vitest';
import { checkKindList } from '../../grader/checks/index.js';
import { DEFAULT_SLACK_MS } from '../../grader/checks/intervals.js';
import { DEFAULT_TS_TOLERANCE_S } from '../../grader/checks/reserved.js';
import { DEFAULT_TIMING_SLACK_MS } from '../../grader/checks/timing.js';
import { DEFAULT_CASES, DEFAULT_SHRINK_RUNS } from '../../grader/grade/grade-generated.js';
import { DEFAULT_PAUSE_MS, DEFAULT_RANDOM_RUNS, DEFAULT_START_DELAY_MS } from '../../grader/run/feed.js';
import { DEFAULT_EXIT_TIMEOUT_MS, DEFAULT_STEP_TIMEOUT_MS } from '../../grader/run/steps.js';
import { DEFAULT_UMASK } from '../../grader/sandbox/supervisor.js';
import { parseSpec } from '../../grader/spec/load.js';
import { fullSpecSchema } from '../../grader/spec/schema.js';

type Node = Record<string, unknown>;

/** "(default 2000)" and "default 15" in the schema's descriptions, by a path of field and kind names. */
function documentedDefaults(node: unknown, label: string, found: Map<string, string>): Map<string, string> {
  if (typeof node !== 'object' || node === null) return found;
  const schema = node as Node;
  if (typeof schema.description === 'string' && label !== '') {
    const stated = /\(default:? ([^)]+)\)|default (\d+)/.exec(schema.description);
    const value = stated?.[1] ?? stated?.[2];
    if (value !== undefined && !found.has(label)) found.set(label, value);
  }
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  for (const [name, child] of Object.entries(properties)) {
    const childLabel = label === '' && (name === 'defaults' || name === 'tests') ? 'test' : label === '' ? name : `${label}.${name}`;
    documentedDefaults(child, childLabel, found);
  }
  if (schema.items !== undefined) documentedDefaults(schema.items, label, found);
  for (const branch of (schema.oneOf ?? []) as Node[]) {
    const kind = ((branch.properties as Node | undefined)?.check as Node | undefined)?.const ?? (branch.required as string[] | undefined)?.[0];
    documentedDefaults(branch, typeof kind === 'string' ? `${label}.${kind}` : label, found);
  }
  return found;
}

const minimal = parseSpec('slug: demo\ntests:\n  - name: t\n    checks:\n      - check: exit\n', '/x/specs/demo.yaml');
const test = minimal.tests[0]!;

/** What the code does when the field is left out, as the schema would write it. */
const applied: Record<string, string> = {
  entry: minimal.entry,
  'test.points': String(test.points),
  'test.hidden': String(test.hidden),
  'test.timeoutMs': String(test.timeoutMs),
  'test.umask': `"${DEFAULT_UMASK.toString(8).padStart(3, '0')}"`,
  'test.steps.expect.timeoutMs': String(DEFAULT_STEP_TIMEOUT_MS),
  'test.steps.expectAll.timeoutMs': String(DEFAULT_STEP_TIMEOUT_MS),
  'test.steps.expectExit.expectExit.timeoutMs': String(DEFAULT_EXIT_TIMEOUT_MS),
  'test.feed.randomRuns': String(DEFAULT_RANDOM_RUNS),
  'test.feed.pauseMs': String(DEFAULT_PAUSE_MS),
  'test.feed.startDelayMs': String(DEFAULT_START_DELAY_MS),
  // grader/run/feed.ts uses a part without `repeat` once (test/run/feed.test.ts feeds such parts).
  'test.feed.parts.repeat': '1',
  // grader/run/steps.ts reads only `next: true` as strict (test/run/steps.test.ts plays both).
  'test.steps.expect.next': 'false',
  'test.steps.expectAll.next': 'false',
  'test.checks.intervals.slackMs': String(DEFAULT_SLACK_MS),
  'test.checks.lines.tsToleranceS': String(DEFAULT_TS_TOLERANCE_S),
  'test.checks.timing.slackMs': String(DEFAULT_TIMING_SLACK_MS),
  'test.generate.cases': String(DEFAULT_CASES),
  'test.generate.shrinkRuns': String(DEFAULT_SHRINK_RUNS),
};

describe("the schema's documented defaults", () => {
  const documented = documentedDefaults(fullSpecSchema(checkKindList()), '', new Map());

  it('are found (the walk works)', () => {
    expect(documented.get('test.steps.expect.timeoutMs')).toBeDefined();
    expect(documented.size).toBeGreaterThan(10);
  });

  it('agree with the code', () => {
    for (const [label, code] of Object.entries(applied)) expect(documented.get(label), label).toBe(code);
  });

  it('are each checked here, or said in words that need no check', () => {
    // Defaults stated as a rule rather than a value: checked by the tests of their check kinds.
    const inWords = /^(main|the spec entry|stdout, stderr and exit|1 each|file|0)$/;
    const unchecked = [...documented].filter(([label, value]) => !(label in applied) && !inWords.test(value)).map(([label, value]) => `${label}: ${value}`);
    expect(unchecked).toEqual([]);
  });
});
