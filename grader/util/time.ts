// Waiting and durations in messages: one definition each.

/**
 * Resolves after `ms` milliseconds. With `unref`, the wait does not keep the process alive (a
 * safety-net wait must not keep the grader running after its last run).
 */
export function sleep(ms: number, options: { unref?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (options.unref === true) timer.unref();
  });
}

/** A duration in seconds for a sentence, at most two decimals: 1500 → "1.5 s", 2000 → "2 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** A duration for a sentence, in ms below a second and in seconds above: 250 → "250 ms", 1500 → "1.5 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : seconds(ms);
}

/** A duration in seconds with a fixed number of decimals, for columns of figures: (1234, 1) → "1.2 s". */
export function fixedSeconds(ms: number, decimals: number): string {
  return `${(ms / 1000).toFixed(decimals)} s`;
}

/** A duration in whole seconds as a clock for progress lines: 42 000 → "42s", 65 000 → "1m05s". */
export function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
