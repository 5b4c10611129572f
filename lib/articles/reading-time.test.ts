import { describe, expect, it } from 'vitest';
import { readingMinutes, wordsPerMinute } from '@/lib/articles/reading-time';

describe('readingMinutes', () => {
  it('rounds to whole minutes at the stated rate, never below one', () => {
    expect(wordsPerMinute).toBe(230);
    expect([0, 1, 114, 345, 920, 1_000, 2_300].map(readingMinutes)).toEqual([1, 1, 1, 2, 4, 4, 10]);
  });
});
