import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { detectSandbox, sandboxSummary } from '../../grader/sandbox/detect.js';
import { GUARANTEES } from '../../grader/sandbox/types.js';

const saved = process.env.GRADER_SANDBOX;
afterEach(() => {
  if (saved === undefined) delete process.env.GRADER_SANDBOX;
  else process.env.GRADER_SANDBOX = saved;
});

describe('detectSandbox', () => {
  it('finds bubblewrap where it is installed, with every guarantee', async () => {
    delete process.env.GRADER_SANDBOX;
    const info = await detectSandbox();
    if (!fs.existsSync('/usr/bin/bwrap')) {
      expect(info.tier).toBe('weak');
      expect(info.reason).toMatch(/bwrap/);
      return;
    }
    expect(info.tier).toBe('bubblewrap');
    expect(info.guarantees).toEqual([...GUARANTEES]);
    expect(info.missing).toEqual([]);
    expect(sandboxSummary(info)).toBe('sandbox: bubblewrap (bubblewrap works); all guarantees hold');
  });

  it('is forced weak by GRADER_SANDBOX=weak, and says what does not hold', async () => {
    process.env.GRADER_SANDBOX = 'weak';
    const info = await detectSandbox();
    expect(info.tier).toBe('weak');
    expect(info.reason).toBe('forced by GRADER_SANDBOX=weak');
    expect(info.missing).toEqual(expect.arrayContaining(['PID namespace', 'network isolation', 'read-only filesystem', 'hidden repository']));
    expect(info.guarantees).toEqual(expect.arrayContaining(['memory cap']));
    expect([...info.guarantees, ...info.missing].sort()).toEqual([...GUARANTEES].sort());
    expect(info.notes).toHaveLength(info.missing.length);
    expect(sandboxSummary(info)).toMatch(/^sandbox: weak \(forced by GRADER_SANDBOX=weak\); NOT guaranteed: PID namespace/);
    if (info.dropsPrivileges) {
      expect(info.guarantees).toEqual(expect.arrayContaining(['process cap', 'clean environment', 'complete tree kill']));
    }
  });
});
