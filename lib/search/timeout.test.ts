// A search the database cannot finish in time is stopped by PostgreSQL itself (statement_timeout, set
// for the search's own transaction) and the reader is told so, never a 500: at 1,000,000 articles a
// prefix in a tenth of them ("video") took 2.1 s alone, 10 s under the news day, where the client's
// read timeout answered 500 (docs/benchmarks.md, "News day").
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { needs } from '@/testing/services';
import { searchArticles } from '@/lib/search';
import { isStatementTimeout, postgresSearch } from '@/lib/search/postgres';
import { SearchTimedOut } from '@/lib/search/types';
import { SearchResultsList } from '@/components/front/SearchResultsList';

describe('a search that takes too long (PostgreSQL)', needs(onPostgres() ? null : 'PostgreSQL only: SQLite cannot stop a running statement (this run is on SQLite)'), () => {
  beforeAll(async () => {
    const section = await db.section.create({ data: { slug: 'slow', name: 'Slow' } });
    await db.article.createMany({
      data: Array.from({ length: 3_000 }, (_, index) => ({
        slug: `harbour-${index}`,
        headline: `Harbour report ${index}`,
        bodyText: `The harbour master spoke about the harbour and its ferries, item ${index}. `.repeat(20),
        status: 'published' as const,
        sectionId: section.id,
        publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
      })),
    });
  });

  it('is stopped by the database at its limit, and says so', async () => {
    await expect(postgresSearch.search(['harb'], 0, 10, new Date(), { timeoutMs: 1 })).rejects.toBeInstanceOf(SearchTimedOut);
    // The connection went back to the pool without the limit: the next search on it runs whole.
    const again = await postgresSearch.search(['harb'], 0, 10);
    expect(again.total).toBe(1_001);
    expect(again.matches).toHaveLength(10);
  });

  it('reaches the reader as a message, with nothing listed', async () => {
    const results = await searchArticles('harbour', 1, { timeoutMs: 1 });
    expect(results).toEqual({ query: 'harbour', hits: [], total: 0, totalCapped: false, page: 1, pageCount: 0, timedOut: true });
    expect(renderToStaticMarkup(SearchResultsList({ results }))).toBe(
      '<p data-testid="search-results" role="status">Searching for “harbour” took too long. Try more words, or longer ones.</p>',
    );
  });

  it('knows PostgreSQL’s own timeout error, whatever wraps it', async () => {
    const error = await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL statement_timeout = 1');
        await tx.$queryRawUnsafe('SELECT pg_sleep(1)');
      })
      .catch((caught: unknown) => caught);
    expect(isStatementTimeout(error)).toBe(true);
    expect(isStatementTimeout(new Error('relation "Article" does not exist'))).toBe(false);
  });
});
