// How many lines a records or trace check pins: by its counts, the combinations it wants exactly
// once, or its pairs (one open and one close line per key). Nothing in `contains` mode.
import { bounds } from './line-records.js';

/** The fields of a records or trace configuration that pin a number of lines. */
interface PinningFields {
  mode?: string;
  exactlyOnce?: ReadonlyArray<{ fields: Readonly<Record<string, readonly number[]>> }>;
  count?: Readonly<Record<string, number>>;
  pairs?: { keys?: readonly number[] };
}

/** The number of lines the configuration pins, or undefined when it pins none. */
export function pinnedLineCount(config: PinningFields): number | undefined {
  if (config.mode === 'contains') return undefined;
  const combinations = (config.exactlyOnce ?? []).map((once) => Object.values(once.fields).reduce((n, range) => n * spanOf(range), 1));
  const counted = Object.values(config.count ?? {}).reduce((n, k) => n + k, 0);
  const keys = config.pairs?.keys;
  const paired = keys === undefined ? 0 : 2 * spanOf(keys);
  const wanted = Math.max(counted, paired, ...combinations);
  return wanted > 0 ? wanted : undefined;
}

/** How many whole numbers a [min, max] range holds. */
function spanOf(range: readonly number[]): number {
  const [min, max] = bounds(range);
  return max - min + 1;
}
