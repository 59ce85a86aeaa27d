import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tryLock } from '../../grader/sandbox/identity.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slot-lock-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid that belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync('/bin/sh', ['-c', 'echo $$']);
  return Number(String(child.stdout).trim());
}

describe('slot lock files', () => {
  it('takes a free lock, writing its pid, and not one it or another live process holds', () => {
    const file = path.join(dir, 'uid-1');
    expect(tryLock(file)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
    expect(tryLock(file)).toBe(false);
    fs.writeFileSync(path.join(dir, 'uid-2'), '1');
    expect(tryLock(path.join(dir, 'uid-2'))).toBe(false);
  });

  it('takes over a lock whose owner died', () => {
    const file = path.join(dir, 'uid-1');
    fs.writeFileSync(file, String(deadPid()));
    expect(tryLock(file)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
    expect(fs.readdirSync(dir)).toEqual(['uid-1']);
  });

  it('never takes a lock that is still empty (its owner is writing it): two graders would share a uid', () => {
    const file = path.join(dir, 'uid-1');
    fs.writeFileSync(file, '');
    expect(tryLock(file)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  it("leaves a dead owner's lock to the grader already taking it over", () => {
    const file = path.join(dir, 'uid-1');
    fs.writeFileSync(file, String(deadPid()));
    fs.writeFileSync(`${file}.takeover`, String(process.pid));
    expect(tryLock(file)).toBe(false);
  });
});
