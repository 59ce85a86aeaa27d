import { describe, expect, it } from 'vitest';
import { detectionLine, rateLowerBound, trialsNeeded } from '../../grader/bench/detection.js';

describe('the per-trial detection rate', () => {
  it('bounds a rate from below as Clopper-Pearson does', () => {
    // Every trial detected: the bound solves p^n = 0.05.
    expect(rateLowerBound(30, 30)).toBeCloseTo(0.05 ** (1 / 30), 6);
    // 17 of 20 (tables: 0.6563 one-sided at 95 %).
    expect(rateLowerBound(17, 20)).toBeCloseTo(0.6563, 3);
    expect(rateLowerBound(1, 100)).toBeCloseTo(0.000513, 5);
    expect(rateLowerBound(0, 50)).toBe(0);
  });

  it('asks for the least trials that miss below one in a thousand', () => {
    expect(trialsNeeded(1)).toBe(1);
    expect(trialsNeeded(0.95)).toBe(3);
    expect(0.05 ** 2).toBeGreaterThan(0.001);
    expect(trialsNeeded(0.5)).toBe(10);
    expect(0.5 ** 10).toBeLessThan(0.001);
    expect(0.5 ** 9).toBeGreaterThan(0.001);
    expect(trialsNeeded(0)).toBe(Infinity);
  });

  it('says when the spec has too few trials', () => {
    const figure = { target: 'variant racy', test: 't', condition: 'loaded' as const, trials: 20, detected: 17, miss: 'it passed "t"' };
    expect(detectionLine(figure, 5)).toContain('needs 7 trials; spec has 5');
    expect(detectionLine(figure, 5)).toContain('TOO WEAK');
    expect(detectionLine(figure, 7)).toMatch(/ ok /);
  });
});
