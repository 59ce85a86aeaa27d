// Reaching outside the work directory: writing to /tmp, to a world-writable directory of the
// test's, to the repository and the specs, to its own built program, deleting what it can reach;
// and the network (a listener on 127.0.0.1 started by the test; loopback only).
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableTiers, cleanUp, expectHeld, gradeThreat, onlyTest, plantSecrets, removeSecrets, strays, warmUp } from './harness.js';

const tiers = await availableTiers();
let server: net.Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  plantSecrets();
  await warmUp();
  server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  removeSecrets();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.each(tiers)('tier %s', (tier) => {
  it('changes nothing outside the work directory, or says it cannot stop it', async () => {
    const graded = await gradeThreat('vandal', tier, [
      { name: 'writes and deletes', timeoutMs: 3000, checks: [{ check: 'output', equals: 'repositories seen: 0; changed: 0' }] },
    ]);
    try {
      const test = onlyTest(graded);
      const after = graded.after();
      const inRepo = (snapshot: Record<string, string>): Record<string, string> =>
        Object.fromEntries(Object.entries(snapshot).filter(([file]) => file.startsWith(`${graded.repo}/`) || file.includes('/test/hostile/submissions/')));
      // The repository (specs, references, hidden tests) and the submission's own files: never,
      // unless the weak tier runs as the grader's own user (which owns them, and says so).
      if (tier === 'bubblewrap' || graded.info.dropsPrivileges) expect(inRepo(after)).toEqual(inRepo(graded.before));
      else expect(graded.info.missing).toContain('read-only filesystem');
      if (tier === 'bubblewrap') {
        // Its writes to /tmp went to the sandbox's own /tmp, gone with it; nothing else was reachable.
        expect(test.message).toBe(
          'The stdout is not what was expected: line 1 should be `repositories seen: 0; changed: 0`, but it was `changed /tmp/hostile-vandal-' +
            graded.nonce +
            '`.',
        );
        expect(graded.log).toContain('changed /tmp/hostile-vandal-');
        expect(graded.log).toContain('refused its own program /sandbox/program/solution.js EACCES');
        expect(graded.log).toContain('repositories seen: 0; changed: 1');
        expectHeld(graded, 3000);
      } else {
        // Truthfully weak: the slot uid may write where anyone may (/tmp, a world-writable directory).
        expect(graded.json.sandbox.missing).toContain('read-only filesystem');
        expect(strays(graded.nonce)).toEqual([path.join('/tmp', `hostile-vandal-${graded.nonce}`)]);
        expect(
          Object.keys(after)
            .filter((file) => file.startsWith(graded.canaryDir))
            .sort(),
        ).toEqual([graded.canaryDir, `${graded.canaryDir}/planted`]);
        if (graded.info.dropsPrivileges) {
          expect(graded.log).toMatch(/refused overwrite \S+\/specs\/vandal\.yaml EACCES/);
          expect(graded.log).toMatch(/refused delete \S+\/reference\/vandal\/solution\.ts EACCES/);
          expect(graded.log).toMatch(/refused its own program \S+solution\.js EACCES/);
        }
        expectHeld(graded, 3000, { writes: true });
      }
    } finally {
      cleanUp(graded);
    }
  });

  it('reaches no listener on the host, and sees only its own loopback, or says it cannot stop it', async () => {
    const before = connections;
    const graded = await gradeThreat('network', tier, [
      { name: 'phones home', args: [String(port)], timeoutMs: 3000, checks: [{ check: 'lines', expect: ['interfaces lo', 'refused {word}'] }] },
    ]);
    try {
      if (tier === 'bubblewrap') {
        expect(onlyTest(graded).status).toBe('passed');
        expect(connections).toBe(before);
        expectHeld(graded, 3000);
      } else {
        // Truthfully weak: no network namespace.
        expect(graded.json.sandbox.missing).toContain('network isolation');
        expect(onlyTest(graded).status).toBe('failed');
        expect(graded.log).toContain('+connected to the host');
        expect(connections).toBeGreaterThan(before);
        expectHeld(graded, 3000);
      }
    } finally {
      cleanUp(graded);
    }
  });
});
