// The one median and percentile of the grader: every benchmark figure is computed the same way,
// so figures from different benchmarks can be compared.

/**
 * The median of a non-empty list of numbers: the middle value, or the mean of the two middle
 * values for an even count (the same as `percentile(values, 0.5)`).
 */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The value below which a share `p` (0..1) of the numbers lie (linear interpolation). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
