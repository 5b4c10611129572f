// Search as pages use it: the engine for DATABASE_URL behind one function.
import { config, isPostgres } from '@/lib/config';
import { db } from '@/lib/db/client';
import { cardSelect } from '@/lib/articles/select';
import { toArticleCard } from '@/lib/articles/mappers';
import { SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE, searchTerms } from '@/lib/search/query';
import { sqliteSearch } from '@/lib/search/sqlite';
import { SearchTimedOut, type SearchEngine, type SearchHit, type SearchLimits, type SearchMatches, type SearchResults } from '@/lib/search/types';

async function engine(): Promise<SearchEngine> {
  if (isPostgres(config.DATABASE_URL)) {
    const { postgresSearch } = await import('@/lib/search/postgres');
    return postgresSearch;
  }
  return sqliteSearch;
}

export async function searchArticles(query: string, page: number = 1, limits?: SearchLimits): Promise<SearchResults> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { query, hits: [], total: 0, totalCapped: false, page: 1, pageCount: 0 };
  let found: SearchMatches;
  try {
    found = await (await engine()).search(terms, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, undefined, limits);
  } catch (error) {
    // Too long for the database: the reader is told, and may narrow the search (never a 500).
    if (error instanceof SearchTimedOut) return { query, hits: [], total: 0, totalCapped: false, page, pageCount: 0, timedOut: true };
    throw error;
  }
  const { total: counted, matches } = found;
  const totalCapped = counted > SEARCH_COUNT_CAP;
  const total = Math.min(counted, SEARCH_COUNT_CAP);
  const rows = await db.article.findMany({ where: { id: { in: matches.map((match) => match.id) } }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, toArticleCard(row)]));
  const hits = matches.flatMap((match): SearchHit[] => {
    const card = byId.get(match.id);
    return card ? [{ ...card, snippet: match.snippet }] : [];
  });
  return { query, hits, total, totalCapped, page, pageCount: Math.ceil(total / SEARCH_PAGE_SIZE) };
}
