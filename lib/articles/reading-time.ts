// Reading time from the body's word count. One rate for every article: an adult reading news prose
// silently reads about 230 words a minute (Brysbaert 2019: 238 for non-fiction).
export const wordsPerMinute = 230;

/** Whole minutes, at least one: "4 min read". */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}
