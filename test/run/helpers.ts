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
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; slowdown: number }> {
  const meter = slowdownMeter();
  const start = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - start, slowdown: meter.slowdown() };
  } finally {
    meter.stop();
  }
}

/** A small piece of CPU work (about `ms` of CPU) timed: its wall time and its CPU time, in ms. */
function probe(ms: number): { wallMs: number; cpuMs: number } {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  let cpuMs = 0;
  let sink = 0;
  while (cpuMs < ms) {
    for (let i = 0; i < 20_000; i++) sink = (sink + i) % 7919;
    const used = process.cpuUsage(cpu0);
    cpuMs = (used.user + used.system) / 1000;
  }
  return { wallMs: sink >= 0 ? performance.now() - wall0 : 0, cpuMs };
}

/**
 * How much slower than its CPU time work ran WHILE something ran (a grading), not only after it:
 * every 50 ms a probe of about 1 ms of CPU is timed, and the slowdown is their wall time over
 * their CPU time in all (at least 1). A machine slowed for a while (other work, the host taking
 * its CPUs: steal time) and quiet again when the run ends is seen: measured once afterwards, such a
 * grading of 8.6 s met a slowdown of 1.1 (a flake hunt of 2026-12-07, a run that took 529 s where
 * the same run took 297 s before).
 */
export function slowdownMeter(): { slowdown(): number; stop(): void } {
  let wallMs = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    const sample = probe(1);
    wallMs += sample.wallMs;
    cpuMs += sample.cpuMs;
  }, 50);
  return {
    slowdown: () => (cpuMs === 0 ? 1 : Math.max(1, wallMs / cpuMs)),
    stop: () => clearInterval(timer),
  };
}

/**
 * How many times longer than its CPU time a fixed piece of work (`workMs` of CPU) takes in wall
 * time right now: about 1 on an idle machine, about the number of runnable tasks per core under
 * load. End-to-end tests scale the margins of their wall-clock bounds by it, so that a bound
 * means the same on an idle and on a loaded machine.
 */
export function cpuSlowdown(workMs = 50): number {
  const { wallMs, cpuMs } = probe(workMs);
  return Math.max(1, wallMs / cpuMs);
}

/**
 * Asserts that `ms` of wall time is at most what the run was meant to wait (`waitedMs`: a timeout,
 * a sleep; the load does not stretch it) plus `workMs` of work (starting, killing, reporting),
 * the bound of an idle machine. Work is what a loaded machine stretches: once the idle bound is
 * exceeded, the work's share is scaled by cpuSlowdown(), measured then. On an idle machine the
 * bound is as tight as it reads; under load it still catches a run that waited without end (or far
 * longer than its work), never one that merely got less of the CPU.
 */
export function expectWallTime(ms: number, bound: { waitedMs?: number; workMs: number; slowdownDuring?: number }, label = 'wall time'): void {
  const waited = bound.waitedMs ?? 0;
  if (ms < waited + bound.workMs) return;
  // The worse of the slowdown while it ran (slowdownMeter, when measured) and now.
  const during = bound.slowdownDuring ?? 1;
  const now = cpuSlowdown();
  const slowdown = Math.max(during, now);
  expect(ms, `${label} (work ran ${during.toFixed(1)} times slower than its CPU time meanwhile, ${now.toFixed(1)} now)`).toBeLessThan(
    waited + bound.workMs * slowdown,
  );
}
