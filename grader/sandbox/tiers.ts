// The sandbox tiers by name: the one place that picks a tier's behaviour.
import { bubblewrapTier } from './bubblewrap.js';
import type { Tier } from './tier.js';
import type { SandboxTier } from './types.js';
import { weakTier } from './weak.js';

const TIERS: Record<SandboxTier, Tier> = { bubblewrap: bubblewrapTier, weak: weakTier };

/** The behaviour of the named tier. */
export function tierNamed(name: SandboxTier): Tier {
  return TIERS[name];
}
