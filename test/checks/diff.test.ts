import { describe, expect, it } from 'vitest';
import { firstDifferentLine, unifiedDiff } from '../../grader/checks/diff.js';

describe('unifiedDiff', () => {
  it('labels the sides "expected" and "your output", with no Index or === header', () => {
    expect(unifiedDiff('a\nb\nc', 'a\nB\nc')).toBe(['--- expected', '+++ your output', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c'].join('\n'));
  });
  it('is undefined for equal texts', () => {
    expect(unifiedDiff('same', 'same')).toBeUndefined();
  });
  it('shows only a few lines of context around a change', () => {
    const expected = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const actual = expected.map((line, i) => (i === 10 ? 'changed' : line));
    const diff = unifiedDiff(expected.join('\n'), actual.join('\n')) ?? '';
    expect(diff).toContain('@@ -8,7 +8,7 @@');
    expect(diff).not.toContain('line 0');
  });
  it('handles empty sides without "no newline" markers', () => {
    expect(unifiedDiff('', 'x')).toBe(['--- expected', '+++ your output', '@@ -0,0 +1,1 @@', '+x'].join('\n'));
    expect(unifiedDiff('x', '')).toBe(['--- expected', '+++ your output', '@@ -1,1 +0,0 @@', '-x'].join('\n'));
  });
  it('escapes control characters and cuts huge diffs', () => {
    expect(unifiedDiff('a', 'a\u0007')).toContain('+a\\u0007');
    const many = Array.from({ length: 1000 }, (_, i) => `${i}`).join('\n');
    const diff = unifiedDiff('', many) ?? '';
    expect(diff.split('\n')).toHaveLength(201);
    expect(diff).toMatch(/… \(803 more lines of diff not shown\)$/);
  });
});

describe('firstDifferentLine', () => {
  it('finds the first index that differs, or -1', () => {
    expect(firstDifferentLine(['a', 'b'], ['a', 'c'])).toBe(1);
    expect(firstDifferentLine(['a'], ['a', 'b'])).toBe(1);
    expect(firstDifferentLine(['a'], ['a'])).toBe(-1);
  });
});
