// A `reference` check with a mask, turned into one regular expression: the reference's output
// with every masked part replaced by the mask's own pattern, and everything else literal.
import type { MaskRule } from '../checks/reference.js';

type Segment = { literal: string } | { pattern: string };

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Splits the literal text at each (non-empty) match of a rule. */
function splitAt(literal: string, rule: MaskRule): Segment[] {
  const regExp = new RegExp(rule.pattern, `g${(rule.flags ?? '').replace(/[gy]/g, '')}`);
  const segments: Segment[] = [];
  let from = 0;
  for (const match of literal.matchAll(regExp)) {
    if (match[0] === '' || match.index === undefined) continue;
    if (match.index > from) segments.push({ literal: literal.slice(from, match.index) });
    segments.push({ pattern: rule.pattern });
    from = match.index + match[0].length;
  }
  if (from < literal.length) segments.push({ literal: literal.slice(from) });
  return segments;
}

/**
 * A pattern (and flags) that matches exactly the outputs equal to `expected` outside the parts
 * the mask rules match. Anchored to the whole stream without ^ and $, so the rules' flags
 * (an `m`, say) cannot loosen it.
 */
export function maskedPattern(expected: string, mask: readonly MaskRule[]): { pattern: string; flags: string } {
  let segments: Segment[] = [{ literal: expected }];
  for (const rule of mask) segments = segments.flatMap((segment) => ('literal' in segment ? splitAt(segment.literal, rule) : [segment]));
  const body = segments.map((segment) => ('literal' in segment ? escapeRegExp(segment.literal) : `(?:${segment.pattern})`)).join('');
  const flags = [...new Set(mask.flatMap((rule) => [...(rule.flags ?? '').replace(/[gy]/g, '')]))].sort().join('');
  return { pattern: `(?<![\\s\\S])${body}(?![\\s\\S])`, flags };
}
