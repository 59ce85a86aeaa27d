import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeShellStatus, parseSupervisorLine, supervisorScript } from '../../grader/sandbox/supervisor.js';

const limits = { outputBytes: 1024 * 1024, memoryMb: 64, dataMb: 512, processes: 100 };

describe('supervisor', () => {
  it('decodes shell statuses', () => {
    expect(decodeShellStatus(0)).toEqual({ exitCode: 0, signal: null });
    expect(decodeShellStatus(7)).toEqual({ exitCode: 7, signal: null });
    expect(decodeShellStatus(139)).toEqual({ exitCode: null, signal: 'SIGSEGV' });
    expect(decodeShellStatus(137)).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(decodeShellStatus(128)).toEqual({ exitCode: 128, signal: null });
  });

  it('parses its messages and ignores anything else', () => {
    expect(parseSupervisorLine('pid 3')).toEqual({ kind: 'pid', pid: 3 });
    expect(parseSupervisorLine('status 139\n')).toEqual({ kind: 'status', status: 139 });
    expect(parseSupervisorLine('limit data')).toEqual({ kind: 'limit', limit: 'data' });
    expect(parseSupervisorLine('pid x')).toBeUndefined();
    expect(parseSupervisorLine('hello')).toBeUndefined();
  });

  it('sets the limits, reports pid and status on fd 3, and passes the status on', () => {
    const script = supervisorScript(limits, false);
    const out = execFileSync(
      '/bin/sh',
      ['-c', `{ /bin/sh -c '${script.replace(/'/g, `'\\''`)}' sh /bin/sh -c 'ulimit -f; ulimit -d; echo "self $$"; exit 5'; echo "rc $?"; } 3>&1`],
      {
        encoding: 'utf8',
      },
    );
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^pid (\d+)$/);
    expect(lines[1]).toBe('2048');
    expect(lines[2]).toBe(String(512 * 1024));
    expect(lines[3]).toBe(`self ${/^pid (\d+)$/.exec(lines[0] ?? '')?.[1]}`);
    expect(lines.slice(4)).toEqual(['status 5', 'rc 5']);
  });
});
