import type { BuildOptions } from 'esbuild';

/**
 * How a solution is built. Shared by the build and by the on-demand rebuild that maps stack
 * traces to sources, which is trusted only when it reproduces the built file byte for byte.
 */
export const SOLUTION_BUILD_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'silent',
} as const satisfies BuildOptions;
