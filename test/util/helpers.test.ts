import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../grader/util/statistics.js';
import { capitalise, lastLine, lowerFirst, shorten } from '../../grader/util/text.js';
import { clock, duration, fixedSeconds, seconds } from '../../grader/util/time.js';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('agrees with the 50th percentile and refuses an empty list', () => {
    expect(median([10, 40, 20, 30])).toBe(percentile([10, 40, 20, 30], 0.5));
    expect(() => median([])).toThrow('no values');
  });
});

describe('durations', () => {
  it('seconds keeps at most two decimals', () => {
    expect(seconds(1500)).toBe('1.5 s');
    expect(seconds(2000)).toBe('2 s');
    expect(seconds(1234)).toBe('1.23 s');
  });

  it('duration says ms below a second', () => {
    expect(duration(250)).toBe('250 ms');
    expect(duration(1500)).toBe('1.5 s');
  });

  it('fixedSeconds and clock keep their column formats', () => {
    expect(fixedSeconds(1200, 1)).toBe('1.2 s');
    expect(clock(42_000)).toBe('42s');
    expect(clock(65_000)).toBe('1m05s');
  });
});

describe('text', () => {
  it('capitalise and lowerFirst change only the first character', () => {
    expect(capitalise('your program')).toBe('Your program');
    expect(lowerFirst('Your Program')).toBe('your Program');
  });

  it('lastLine is the last line that is not blank, without its line ending, whole', () => {
    expect(lastLine('a\r\nb\r\n\n  \n')).toBe('b');
    expect(lastLine('\n \n')).toBeUndefined();
    expect(lastLine('x'.repeat(300))).toHaveLength(300);
  });

  it('shorten cuts with an ellipsis only when longer', () => {
    expect(shorten('abcdef', 3)).toBe('abc…');
    expect(shorten('abc', 3)).toBe('abc');
  });
});
