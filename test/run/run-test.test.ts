// runTest: work directory, fixtures, the main run and the work tree afterwards, in each tier.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTest } from '../../grader/run/run-test.js';
import { detectSandbox } from '../../grader/sandbox/detect.js';
import type { SandboxTier } from '../../grader/sandbox/types.js';
import type { TestSpec } from '../../grader/spec/types.js';
import { fixtureProgram, nonce } from './helpers.js';

const info = await detectSandbox();
const tiers: SandboxTier[] = info.tier === 'bubblewrap' ? ['bubblewrap', 'weak'] : ['weak'];

function spec(overrides: Partial<TestSpec>): TestSpec {
  return {
    name: 'a test',
    points: 1,
    hidden: false,
    args: [],
    env: {},
    files: [],
    timeoutMs: 5000,
    trials: 1,
    observe: false,
    exclusive: false,
    processes: [],
    checks: [],
    ...overrides,
  };
}

describe.each(tiers)('runTest in tier %s', (tier) => {
  it('builds the fixtures, runs in cwd, and snapshots what the program left', async () => {
    const word = nonce();
    const { runs, workTree, workDir } = await runTest(
      spec({
        args: [word],
        cwd: 'sub/dir',
        files: [
          { path: 'sub/dir/delete-me.txt', content: 'bye' },
          { path: 'sub/dir/keep.txt', content: 'same', mode: '0444' },
          { path: 'sub/dir/pipe', type: 'fifo' },
        ],
      }),
      fixtureProgram('files.mjs'),
      { tier },
    );
    const main = runs.main;
    expect(main?.ending).toBe('exited');
    expect(main?.exitCode).toBe(0);
    expect(main?.stdout).toMatch(/^entries delete-me.txt,keep.txt,pipe$/m);
    expect(main?.stdout).toMatch(tier === 'bubblewrap' ? /^cwd \/sandbox\/work\/sub\/dir$/m : /^cwd \/.*\/sub\/dir$/m);
    expect(workTree['sub/dir/written.txt']).toMatchObject({ type: 'file', content: 'by the program\n' });
    expect(workTree['sub/dir/delete-me.txt']).toBeUndefined();
    expect(workTree['sub/dir/keep.txt']).toMatchObject({ mode: 0o444, content: 'same' });
    expect(workTree['sub/dir/pipe']).toMatchObject({ type: 'fifo' });
    expect(fs.existsSync(workDir)).toBe(false);
    // The weak tier lets it write beside the work directory (documented): tidy up after it.
    fs.rmSync(`/tmp/escape-${word}`, { force: true });
    fs.rmSync(path.join(path.dirname(workDir), `escape-${word}`), { force: true });
  });

  it('turns a broken fixture into start-failure', async () => {
    const { runs } = await runTest(spec({ files: [{ path: '../x', content: 'x' }] }), fixtureProgram('pid.mjs'), { tier });
    expect(runs.main?.ending).toBe('start-failure');
    expect(runs.main?.endingDetail).toMatch(/leaves the work directory/);
  });

  it("passes the test's environment and stdin", async () => {
    const { runs } = await runTest(spec({ stdin: 'x\n', env: { TZ: 'UTC' } }), fixtureProgram('stdin.mjs'), { tier });
    expect(runs.main?.stdout).toBe('got x\nlines 1\n');
    expect(runs.main?.env.TZ).toBe('UTC');
  });
});
