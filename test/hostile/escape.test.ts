// Processes that try to outlive or take down the grader: descendants that leave the process
// group (setsid, a double fork, setsid --fork) to write a file later, a program that kills its
// parent, and kill(-1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesWith } from '../run/helpers.js';
import {
  availableTiers,
  cleanUp,
  expectHeld,
  gradeThreat,
  onlyTest,
  plantSecrets,
  removeSecrets,
  secretHolderPid,
  sleep,
  tierInfo,
  warmUp,
} from './harness.js';

const tiers = await availableTiers();
beforeAll(async () => {
  plantSecrets();
  await warmUp();
});
afterAll(removeSecrets);

const answer = [{ check: 'output', equals: 'the answer' }];
/** The escaped writers' delay: past the test's timeout, short enough to watch for. */
const WRITER_DELAY_MS = 1500;

describe.each(tiers)('tier %s', (tier) => {
  it('kills descendants that escaped the process group before they can write, and says they outlived the program', async () => {
    // A world-writable directory on the host where the writers would leave their files.
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-outbox-'));
    fs.chmodSync(outbox, 0o777);
    const started = performance.now();
    const graded = await gradeThreat('escape', tier, [
      { name: 'leaves writers behind', args: [outbox, String(WRITER_DELAY_MS)], timeoutMs: 1000, checks: answer },
    ]);
    try {
      if (tier === 'weak' && !graded.info.dropsPrivileges) {
        // Without a uid of its own, a writer that cleared its environment (and with it the
        // run's marker) is out of the sweep's reach, and the report says so.
        expect(graded.info.missing).toContain('complete tree kill');
        for (const pid of processesWith(graded.nonce)) process.kill(pid, 'SIGKILL');
        return;
      }
      expect(onlyTest(graded).message).toBe(
        'Your program was still running after 1 s and was stopped. The last line it printed was `main done`. the main process ended (status 0) but its descendants were still running after 1000 ms',
      );
      expectHeld(graded, 1000);
      // Past the moment the writers would have written, by a second: nothing, and nobody left.
      await sleep(Math.max(0, WRITER_DELAY_MS + 1000 - (performance.now() - started)));
      expect(fs.readdirSync(outbox)).toEqual([]);
      expect(fs.readdirSync('/tmp').filter((name) => name.includes(graded.nonce) && name.startsWith('escaped-'))).toEqual([]);
      expect(processesWith(graded.nonce)).toEqual([]);
    } finally {
      cleanUp(graded);
      fs.rmSync(outbox, { recursive: true, force: true });
    }
  });

  it('stops a program that kills its parent, and says so', async () => {
    const graded = await gradeThreat('kill-parent', tier, [{ name: 'kills its parent', timeoutMs: 3000, checks: answer }]);
    try {
      const test = onlyTest(graded);
      // In bubblewrap the namespace ends with the supervisor, maybe before "kill sent" is printed.
      expect(test.message).toMatch(
        /^The grader's supervisor \(the parent process of your program\) was killed, most likely by the program itself, so how it ended is unknown; the run was stopped\. The last line it printed was `(killing parent \d+|kill sent)`\.$/,
      );
      expect(test.checks[0]?.hint).toMatch(/never process\.ppid/);
      // It was stopped at once, not at the timeout: the first ending wins, and the message names it.
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });

  it('survives kill(-1) from a slot uid, and says what the program did', async () => {
    const info = await tierInfo(tier);
    // kill(-1) as root, or as the developer's own user, outside a PID namespace would kill far
    // more than the run: the submission refuses unless it is in bubblewrap's namespace or runs
    // as a slot uid, and the test runs it in the weak tier only where the grader drops to one;
    // elsewhere the weak tier must say that it cannot contain such a program.
    if (tier === 'weak' && !info.dropsPrivileges) {
      expect(info.missing).toEqual(expect.arrayContaining(['PID namespace', 'complete tree kill']));
      return;
    }
    const graded = await gradeThreat('kill-all', tier, [{ name: 'kills everything', timeoutMs: 3000, checks: answer }]);
    try {
      const test = onlyTest(graded);
      expect(test.message).toMatch(
        /^The grader's supervisor \(the parent process of your program\) was killed, most likely by the program itself, so how it ended is unknown; the run was stopped\. The last line it printed was `(killing everything uid \d+ may signal|still alive after kill\(-1\))`\./,
      );
      // The grader, its reporters and this test process are alive: the whole report is here;
      // so is the grader's other process (the secret holder).
      expect(() => process.kill(secretHolderPid(), 0)).not.toThrow();
      expect(graded.log).toMatch(/Total: 0\/1 points; 0 of 1 exercises passed/);
      expect(graded.log).toContain('::notice title=Autograding complete::Points 0/1');
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });
});
