// Shared by the runner tests: the fixture programs and a scan for anything they left running.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BuiltProgram } from '../../grader/build/types.js';

/** Directory of the tiny test programs. */
export const PROGRAMS_DIR = fileURLToPath(new URL('../fixtures/programs/', import.meta.url));

/** A fixture program as if esbuild had built it. */
export function fixtureProgram(entry: string): BuiltProgram {
  return { dir: path.resolve(PROGRAMS_DIR), entry, sourceDir: path.resolve(PROGRAMS_DIR) };
}

/** A unique word to pass as the first argument: every descendant of the fixtures carries it. */
export function nonce(): string {
  return `nonce-${crypto.randomBytes(6).toString('hex')}`;
}

/** Live (not zombie) host processes whose command line contains the word. */
export function processesWith(word: string): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') continue;
      if (fs.readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(word)) found.push(Number(name));
    } catch {
      // vanished
    }
  }
  return found;
}

/** Run `fn` and return its result with the wall time it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/**
 * How many times longer than its CPU time a fixed piece of work (`workMs` of CPU) takes in wall
 * time right now: about 1 on an idle machine, about the number of runnable tasks per core under
 * load. End-to-end tests scale the margins of their wall-clock bounds by it, so that a bound
 * means the same on an idle and on a loaded machine.
 */
export function cpuSlowdown(workMs = 50): number {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  let cpuMs = 0;
  let sink = 0;
  while (cpuMs < workMs) {
    for (let i = 0; i < 100_000; i++) sink = (sink + i) % 7919;
    const used = process.cpuUsage(cpu0);
    cpuMs = (used.user + used.system) / 1000;
  }
  return sink >= 0 ? Math.max(1, (performance.now() - wall0) / cpuMs) : 1;
}

/**
 * Asserts that `ms` of wall time is at most what the run was meant to wait (`waitedMs`: a timeout,
 * a sleep; the load does not stretch it) plus `workMs` of work (starting, killing, reporting),
 * the bound of an idle machine. Work is what a loaded machine stretches: once the idle bound is
 * exceeded, the work's share is scaled by cpuSlowdown(), measured then. On an idle machine the
 * bound is as tight as it reads; under load it still catches a run that waited without end (or far
 * longer than its work), never one that merely got less of the CPU.
 */
export function expectWallTime(ms: number, bound: { waitedMs?: number; workMs: number }, label = 'wall time'): void {
  const waited = bound.waitedMs ?? 0;
  if (ms < waited + bound.workMs) return;
  const slowdown = cpuSlowdown();
  expect(ms, `${label} (work runs ${slowdown.toFixed(1)} times slower than its CPU time now)`).toBeLessThan(waited + bound.workMs * slowdown);
}
