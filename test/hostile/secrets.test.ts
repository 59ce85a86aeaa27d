// Reading what students must not see: the course repository (answers, specs, hidden tests),
// found by walking up from the work directory, from the program's own file and from other
// processes' command lines; and the grader's environment, directly and through /proc/*/environ.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availableTiers,
  cleanUp,
  ENV_CANARY,
  everything,
  expectHeld,
  gradeThreat,
  onlyTest,
  plantSecrets,
  REAL_REPO,
  removeSecrets,
  secretHolderPid,
  warmUp,
} from './harness.js';

const tiers = await availableTiers();
beforeAll(async () => {
  plantSecrets();
  await warmUp();
});
afterAll(removeSecrets);

/** Can any user walk down to `dir` (every directory on its path, itself included, searchable by others)? */
function traversableByAnyone(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) return false;
    if (path.dirname(d) === d) return true;
  }
}

const nothingFound = 'repositories seen: 0; secrets found: 0';

describe.each(tiers)('tier %s', (tier) => {
  it('keeps the answers, the specs and the hidden tests out of reach, or says it cannot', async () => {
    const graded = await gradeThreat('peek', tier, [{ name: 'looks for the answers', timeoutMs: 3000, checks: [{ check: 'output', equals: nothingFound }] }]);
    try {
      const test = onlyTest(graded);
      if (tier === 'bubblewrap') {
        // It searched (the check read its summary line) and found nothing.
        expect(test.status).toBe('passed');
        expect(graded.json.sandbox.missing).toEqual([]);
        expectHeld(graded, 3000);
      } else {
        // Truthfully weak: the throwaway repository is world-readable, as a checkout is.
        expect(graded.json.sandbox.missing).toContain('hidden repository');
        expect(graded.log).toMatch(/does NOT hold: .*hidden repository/);
        expect(test.status).toBe('failed');
        expect(test.checks[0]?.diff).toContain(`+read ${graded.repo}/reference/peek/solution.ts: // ${graded.secret}`);
        expect(test.checks[0]?.diff).toContain(`+read ${graded.repo}/test/hidden/peek.test.ts:`);
        // The real repository too, where a slot uid can reach it (not under a 0700 directory, as a private home or a temporary clone).
        if (!graded.info.dropsPrivileges || traversableByAnyone(REAL_REPO)) expect(test.checks[0]?.diff).toContain(`+visible ${REAL_REPO}/reference`);
        expectHeld(graded, 3000, { reads: true });
      }
    } finally {
      cleanUp(graded);
    }
  });

  it("never shows the program a secret of the grader's environment", async () => {
    const graded = await gradeThreat('environ', tier, [
      {
        name: 'looks for tokens',
        args: [String(secretHolderPid())],
        timeoutMs: 3000,
        checks: [{ check: 'lines', mode: 'contains', expect: ['own variables: HOME,LANG,PATH,PWD', 'environ files read: {int}; secrets found: 0'] }],
      },
    ]);
    try {
      if (tier === 'weak' && !graded.info.dropsPrivileges) {
        // As the grader's own user, /proc/PID/environ of its processes is readable: the report says so.
        expect(graded.json.sandbox.missing).toContain('clean environment');
        return;
      }
      expect(onlyTest(graded).status).toBe('passed');
      expect(graded.json.sandbox.missing).not.toContain('clean environment');
      expectHeld(graded, 3000, tier === 'weak' ? { reads: true } : {});
    } finally {
      cleanUp(graded);
    }
  });
});

it('the environment probe does find a secret that reaches the program (control)', async () => {
  const tier = tiers[0] ?? 'weak';
  const graded = await gradeThreat('environ', tier, [
    { name: 'given a token', env: { GITHUB_TOKEN: ENV_CANARY }, timeoutMs: 3000, checks: [{ check: 'output', equals: 'nothing' }] },
  ]);
  try {
    expect(onlyTest(graded).status).toBe('failed');
    expect(everything(graded)).toContain(`secret in process.env: GITHUB_TOKEN=${ENV_CANARY}`);
  } finally {
    cleanUp(graded);
  }
});
