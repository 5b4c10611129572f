// The fixed queries of `npm run bench -- --scenario search`, by kind. Fixed, so two runs (before and
// after a change, SQLite and PostgreSQL) time the same work. The generated articles (lib/seed/prose.ts)
// draw on a vocabulary of a few hundred words, so at 1,000,000 articles a "common" word is in most of
// them; the rare words come from the demo articles only. The last word of every query is searched as a
// prefix (lib/search), as a reader's unfinished word: the 2- and 3-letter kinds are what a
// search-as-you-type box or an impatient reader sends.
import { SEARCH_WORDS } from './newsday-model';

export type SearchKind = 'newsday' | 'common' | 'two-word' | 'rare' | 'no-match' | 'prefix-2' | 'prefix-3' | 'deep-page';

export type SearchQuery = { kind: SearchKind; q: string; page?: number };

const of = (kind: SearchKind, words: string[]): SearchQuery[] => words.map((q) => ({ kind, q }));

export const SEARCH_QUERIES: readonly SearchQuery[] = [
  // The news-day model's words: some are in the generated prose (budget, energy, school, video,
  // water), most match only as the start of a longer word or not at all.
  ...of('newsday', SEARCH_WORDS),
  // In nearly every generated article.
  ...of('common', ['said', 'decision', 'council', 'minister', 'expected', 'talks', 'plan', 'review']),
  ...of('two-word', ['budget decision', 'water talks', 'energy plan', 'school review', 'minister said', 'council expected', 'election budget', 'video school']),
  // In a handful of demo articles.
  ...of('rare', ['aleppo', 'damascus', 'syria', 'russia', 'iraq', 'terrorists', 'army', 'hours']),
  ...of('no-match', ['zyxwvut', 'qqqqzz', 'xylophonist', 'brontosaurus', 'quizzical', 'jukeboxes', 'vexillology', 'zugzwang']),
  ...of('prefix-2', ['th', 'co', 're', 'st', 'pr', 'de', 'ex', 'ma', 'wa', 'bu']),
  ...of('prefix-3', ['the', 'com', 'rec', 'sta', 'pre', 'dec', 'exp', 'mar', 'wat', 'bud']),
  // A reader paging far into a common word's results (page 50 of 100).
  { kind: 'deep-page', q: 'said', page: 50 },
  { kind: 'deep-page', q: 'decision', page: 50 },
  { kind: 'deep-page', q: 'co', page: 50 },
  { kind: 'deep-page', q: 'water talks', page: 20 },
];

export const searchPath = (query: SearchQuery): string =>
  `/search?q=${encodeURIComponent(query.q).replaceAll('%20', '+')}${query.page && query.page > 1 ? `&page=${query.page}` : ''}`;
