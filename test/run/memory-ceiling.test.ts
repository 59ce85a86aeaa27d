import { afterEach, describe, expect, it, vi } from 'vitest';
import { MEMORY_CEILING_ENV, memoryCeilingMb, resolveLimits } from '../../grader/run/limits.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the memory ceiling for small machines (GRADER_MEMORY_CAP_MB)', () => {
  it("lowers every run's memory cap to the ceiling, and leaves lower caps alone", () => {
    vi.stubEnv(MEMORY_CEILING_ENV, '512');
    expect(resolveLimits().memoryMb).toBe(512);
    expect(resolveLimits({ memoryMb: 100 }).memoryMb).toBe(100);
  });

  it('is off when absent or not a positive whole number', () => {
    expect(memoryCeilingMb({})).toBeUndefined();
    expect(memoryCeilingMb({ [MEMORY_CEILING_ENV]: '0' })).toBeUndefined();
    expect(memoryCeilingMb({ [MEMORY_CEILING_ENV]: '5e2' })).toBeUndefined();
    vi.stubEnv(MEMORY_CEILING_ENV, '');
    expect(resolveLimits().memoryMb).toBe(2048);
  });
});
