// Every run starts under a known umask: 022, or the test's own.
import { describe, expect, it } from 'vitest';
import { runTest } from '../../grader/run/run-test.js';
import type { TestSpec } from '../../grader/spec/types.js';
import { fixtureProgram } from './helpers.js';

function spec(overrides: Partial<TestSpec>): TestSpec {
  return {
    name: 'umask',
    points: 1,
    hidden: false,
    args: [],
    env: {},
    files: [],
    timeoutMs: 8000,
    trials: 1,
    observe: false,
    exclusive: false,
    processes: [],
    checks: [],
    ...overrides,
  };
}

describe('umask', () => {
  it('is 022 unless the test sets one, for peers too', async () => {
    const plain = await runTest(spec({}), fixtureProgram('umask.mjs'));
    expect(plain.runs.main?.stdout).toBe('umask 022\n');
    const own = await runTest(spec({ umask: 0o027, processes: [{ name: 'peer', args: [] }] }), fixtureProgram('umask.mjs'));
    expect(own.runs.main?.stdout).toBe('umask 027\n');
    expect(own.runs.peer?.stdout).toBe('umask 027\n');
  });
});
