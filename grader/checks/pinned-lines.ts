// How many lines a records or trace check pins: by its counts, the combinations it wants exactly
// once, or its pairs (one open and one close line per key). Nothing in `contains` mode.

/** The number of lines the configuration pins, or undefined when it pins none. */
export function pinnedLineCount(config: Readonly<Record<string, unknown>>): number | undefined {
  if (config.mode === 'contains') return undefined;
  const once = Array.isArray(config.exactlyOnce) ? (config.exactlyOnce as Array<{ fields: Record<string, [number, number]> }>) : [];
  const combinations = once.map((e) => Object.values(e.fields).reduce((n, [min, max]) => n * (max - min + 1), 1));
  const counted = Object.values((config.count ?? {}) as Record<string, number>).reduce((n, k) => n + k, 0);
  const keys = (config.pairs as { keys?: [number, number] } | undefined)?.keys;
  const paired = keys === undefined ? 0 : 2 * (keys[1] - keys[0] + 1);
  const wanted = Math.max(counted, paired, ...combinations);
  return wanted > 0 ? wanted : undefined;
}
