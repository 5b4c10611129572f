// The search interface every database implements (SQLite FTS5 now, PostgreSQL tsvector later).
import type { ArticleCard } from '@/lib/articles/types';

export type SearchHit = ArticleCard & {
  /** A passage of the article around the matched words: HTML-escaped text whose only markup is
   * <mark> around matches, safe to render as HTML. */
  snippet: string;
};

export type SearchResults = {
  query: string;
  hits: SearchHit[];
  /** Public articles that match, counted up to SEARCH_COUNT_CAP. */
  total: number;
  /** More match than `total` says (the count stopped at SEARCH_COUNT_CAP). */
  totalCapped: boolean;
  page: number;
  pageCount: number;
  /** The database gave up on this search (SEARCH_TIMEOUT_MS): nothing is listed, and the page says so. */
  timedOut?: boolean;
};

/** A search the database stopped at its time limit (PostgreSQL's statement_timeout). */
export class SearchTimedOut extends Error {
  constructor(public readonly timeoutMs: number) {
    super(`the search took longer than ${timeoutMs} ms`);
    this.name = 'SearchTimedOut';
  }
}

/** What an engine finds: the count (up to SEARCH_COUNT_CAP + 1) and the page's ids with their snippets. */
export type SearchMatches = { total: number; matches: { id: number; snippet: string }[] };

/** How long the database may spend on one search before it is stopped (SearchTimedOut). */
export type SearchLimits = { timeoutMs?: number };

export interface SearchEngine {
  /** Ids of public articles (lib/articles/public.ts) matching `terms`, best first among the
   * SEARCH_CANDIDATES most recently added matches, with their snippets; `total` counts matches up to
   * SEARCH_COUNT_CAP + 1 (more than the cap means "more than"). */
  search(terms: string[], offset: number, limit: number, now?: Date, limits?: SearchLimits): Promise<SearchMatches>;
}
