// The report is truthful: in each tier, the guarantees that the probes see broken are exactly
// the ones the report lists as missing (JSON `sandbox.missing`, the console's "does NOT hold"
// line). The probes here are the cheap ones; the process cap, the memory cap and the complete
// tree kill are proven in resources.test.ts and escape.test.ts, in both tiers.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUARANTEES } from '../../grader/sandbox/types.js';
import {
  availableTiers,
  cleanUp,
  ENV_CANARY,
  everything,
  gradeThreat,
  expectFinishedInTime,
  plantSecrets,
  removeSecrets,
  secretHolderPid,
  strays,
  tierInfo,
  type Graded,
  warmUp,
} from './harness.js';

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

/** A failing `output` check, so that the report quotes everything the probe printed. */
const quoteAll = [{ check: 'output', equals: 'quote everything' }];

async function probe(slug: string, tier: 'bubblewrap' | 'weak', args: string[], see: (graded: Graded) => boolean): Promise<boolean> {
  const graded = await gradeThreat(slug, tier, [{ name: `probe ${slug}`, args, timeoutMs: 3000, checks: quoteAll }]);
  try {
    expect(graded.leftovers).toEqual([]);
    expectFinishedInTime(graded, 3000);
    return see(graded);
  } finally {
    cleanUp(graded);
  }
}

const PROBED = ['PID namespace', 'clean environment', 'network isolation', 'read-only filesystem', 'hidden repository'] as const;

describe.each(tiers)('tier %s', (tier) => {
  it('lists as missing exactly the guarantees that the probes see broken', async () => {
    const info = await tierInfo(tier);
    const broken = new Set<string>();
    await probe('environ', tier, [String(secretHolderPid())], (g) => {
      if (g.log.includes("+sees the grader's process: yes")) broken.add('PID namespace');
      else expect(g.log).toContain("+sees the grader's process: no");
      if (everything(g).includes(ENV_CANARY)) broken.add('clean environment');
      return true;
    });
    const before = connections;
    await probe('network', tier, [String(port)], (g) => {
      if (connections > before || g.log.includes('+connected to the host')) broken.add('network isolation');
      else expect(g.log).toMatch(/\+refused \w+/);
      return true;
    });
    await probe('vandal', tier, [], (g) => {
      if (strays(g.nonce).length > 0 || JSON.stringify(g.after()) !== JSON.stringify(g.before)) broken.add('read-only filesystem');
      return true;
    });
    await probe('peek', tier, [], (g) => {
      if (everything(g).includes(g.secret)) broken.add('hidden repository');
      else expect(g.log).toContain('+repositories seen: 0; secrets found: 0');
      return true;
    });

    const listed = info.missing.filter((g) => (PROBED as readonly string[]).includes(g));
    expect([...broken].sort()).toEqual([...listed].sort());
    if (tier === 'weak') expect(listed.length).toBeGreaterThan(0);
    else expect(info.missing).toEqual([]);
    // The rest of the vocabulary: held here, proven by the resource and escape tests.
    const unprobed = info.missing.filter((g) => !(PROBED as readonly string[]).includes(g));
    if (info.dropsPrivileges) expect(unprobed).toEqual([]);
    expect([...info.guarantees, ...info.missing].sort()).toEqual([...GUARANTEES].sort());
  });

  it('prints the same truth on the console and in the JSON result', async () => {
    const graded = await gradeThreat('cpu-loop', tier, [{ name: 'any run', timeoutMs: 300, checks: quoteAll }]);
    try {
      const info = graded.info;
      expect(graded.json.sandbox).toEqual({ tier, reason: info.reason, guarantees: info.guarantees, missing: info.missing });
      if (info.missing.length === 0) {
        expect(graded.log.split('\n')[0]).toBe(`Sandbox: ${tier} (${info.guarantees.join(', ')})`);
      } else {
        expect(graded.log.split('\n').slice(0, 3)).toEqual([
          `Sandbox: weak mode: ${info.reason}`,
          `  holds: ${info.guarantees.join(', ')}`,
          `  does NOT hold: ${info.missing.join(', ')}`,
        ]);
        expect(info.reason).toBe('forced by GRADER_SANDBOX=weak');
      }
    } finally {
      cleanUp(graded);
    }
  });
});
