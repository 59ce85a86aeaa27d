// The threads a program of each language has before it starts one of its own (node: its own
// threads and libuv's pool; python3: one), which the `threads` check subtracts from what it saw.
// Measured once per grader process and key, before the checks run (checks never start processes).
import { DEFAULT_LANGUAGE, languageNamed } from './index.js';

const measured = new Map<string, number>();

interface RunLike {
  language?: string | undefined;
  env: Record<string, string>;
}

/** The key of a run's baseline: its language, and what the count depends on in its environment. */
export function threadBaselineKey(run: RunLike): string {
  const language = languageNamed(run.language ?? DEFAULT_LANGUAGE);
  return `${language.name}|${language.threadBaseline.key(run.env)}`;
}

/** The baseline of a run's language under its environment (measured once per key). */
export function threadBaselineOf(run: RunLike): number {
  const key = threadBaselineKey(run);
  let count = measured.get(key);
  if (count === undefined) {
    count = languageNamed(run.language ?? DEFAULT_LANGUAGE).threadBaseline.measure(run.env);
    measured.set(key, count);
  }
  return count;
}

/** The thread baselines of a test's runs, by process name. */
export function threadBaselines(runs: Readonly<Record<string, RunLike>>): Record<string, number> {
  const baselines: Record<string, number> = {};
  for (const [name, run] of Object.entries(runs)) baselines[name] = threadBaselineOf(run);
  return baselines;
}
