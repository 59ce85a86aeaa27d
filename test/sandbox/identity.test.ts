import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { acquireSlotUid, isRoot, SLOT_UID_BASE } from '../../grader/sandbox/identity.js';
import { findProcesses, sweepProcesses } from '../../grader/sandbox/sweep.js';
import { MARKER_VARIABLE } from '../../grader/sandbox/environment.js';

describe.runIf(isRoot())('slot uids', () => {
  it('gives concurrent runs distinct uids and takes a released one back', () => {
    const a = acquireSlotUid();
    const b = acquireSlotUid();
    try {
      expect(a.uid).toBeGreaterThanOrEqual(SLOT_UID_BASE);
      expect(b.uid).not.toBe(a.uid);
    } finally {
      b.release();
      a.release();
    }
  });

  it('finds and kills every process of a uid', async () => {
    const slot = acquireSlotUid();
    try {
      const child = spawn('/usr/bin/setpriv', ['--reuid', String(slot.uid), '--regid', String(slot.uid), '--clear-groups', '/bin/sleep', '30'], {
        stdio: 'ignore',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(findProcesses({ uid: slot.uid })).toContain(child.pid);
      expect(sweepProcesses({ uid: slot.uid })).toBeGreaterThan(0);
      await once(child, 'exit');
      expect(findProcesses({ uid: slot.uid })).toEqual([]);
    } finally {
      slot.release();
    }
  });
});

describe('marker sweep', () => {
  it('finds processes by the marker in their environment', async () => {
    const marker = `m${Date.now()}`;
    const child = spawn('/bin/sleep', ['30'], { env: { [MARKER_VARIABLE]: marker }, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(findProcesses({ marker })).toEqual([child.pid]);
    sweepProcesses({ marker });
    await once(child, 'exit');
    expect(findProcesses({ marker })).toEqual([]);
  });
});
