import type { GenerateSpec } from '../generate/types.js';
import type { CheckSpec, ExerciseSpec, FeedSpec, FixtureSpec, MustRejectSpec, PeerProcessSpec, StepSpec, TestSpec } from './types.js';

/** A mustReject entry as written: one test or a list. */
export interface RawMustReject {
  test: string | string[];
  check: string;
  message?: string;
}

/** Settings a test and the spec's `defaults` share, as written (all optional). */
export interface RawTestSettings {
  points?: number;
  hidden?: boolean;
  args?: string[];
  env?: Record<string, string | null>;
  stdin?: string;
  steps?: StepSpec[];
  feed?: FeedSpec;
  files?: FixtureSpec[];
  cwd?: string;
  timeoutMs?: number;
  idleTimeoutMs?: number;
  trials?: number;
  seed?: number;
  observe?: boolean;
  exclusive?: boolean | 'one-core';
  processes?: PeerProcessSpec[];
  umask?: string;
  onStall?: string;
}

export interface RawTest extends RawTestSettings {
  name: string;
  generate?: GenerateSpec;
  checks: CheckSpec[];
}

/** A spec as written, after schema validation. */
export interface RawSpec {
  slug: string;
  title?: string;
  entry?: string;
  defaults?: RawTestSettings;
  tests: RawTest[];
  mustReject?: Record<string, RawMustReject>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Fills in defaults: the spec's `defaults` first, then the grader's. */
export function normaliseSpec(raw: RawSpec, file: string): ExerciseSpec {
  const defaults = raw.defaults ?? {};
  return {
    slug: raw.slug,
    title: raw.title ?? raw.slug,
    entry: raw.entry ?? 'solution',
    file,
    mustReject: Object.fromEntries(Object.entries(raw.mustReject ?? {}).map(([name, entry]): [string, MustRejectSpec] => [name, normaliseReject(entry)])),
    tests: raw.tests.map((test) => normaliseTest(test, defaults)),
  };
}

function normaliseTest(test: RawTest, defaults: RawTestSettings): TestSpec {
  const merged: RawTest = { ...defaults, ...test, env: { ...defaults.env, ...test.env } };
  // A test's own input replaces the defaults' input of another kind.
  const ownInput = ['stdin', 'steps', 'feed'].find((key) => key in test);
  const input = ownInput === undefined ? merged : test;
  const normalised: TestSpec = {
    name: merged.name,
    points: merged.points ?? 1,
    hidden: merged.hidden ?? false,
    args: merged.args ?? [],
    env: merged.env ?? {},
    files: merged.files ?? [],
    timeoutMs: merged.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    trials: merged.trials ?? 1,
    observe: merged.observe ?? false,
    exclusive: merged.exclusive ?? false,
    processes: merged.processes ?? [],
    checks: merged.checks,
  };
  if (input.stdin !== undefined) normalised.stdin = input.stdin;
  if (input.steps !== undefined) normalised.steps = input.steps;
  if (input.feed !== undefined) normalised.feed = input.feed;
  if (merged.cwd !== undefined) normalised.cwd = merged.cwd;
  if (merged.idleTimeoutMs !== undefined) normalised.idleTimeoutMs = merged.idleTimeoutMs;
  if (merged.seed !== undefined) normalised.seed = merged.seed;
  if (merged.umask !== undefined) normalised.umask = parseInt(merged.umask, 8);
  if (merged.onStall !== undefined) normalised.onStall = merged.onStall;
  if (test.generate !== undefined) normalised.generate = test.generate;
  return normalised;
}

function normaliseReject(entry: RawMustReject): MustRejectSpec {
  const tests = typeof entry.test === 'string' ? [entry.test] : entry.test;
  return entry.message === undefined ? { tests, check: entry.check } : { tests, check: entry.check, message: entry.message };
}
