// Full-text search on SQLite: the FTS5 table "ArticleSearch" (migration 20261127000100), ranked by
// BM25 with the headline weighing most. Raw SQL because Prisma has no FTS5 API.
// Bounded work whatever the words (docs/decisions/0023-render-path.md): the count stops past
// SEARCH_COUNT_CAP, and only the SEARCH_CANDIDATES most recently added matches (FTS5 reads its
// doclists in rowid order, newest first, and stops there) are ranked, so a word found in most of a
// million articles costs about what a rarer one does.
import { db } from '@/lib/db/client';
import { MARK_END, MARK_START, SEARCH_CANDIDATES, SEARCH_COUNT_CAP, snippetToHtml } from '@/lib/search/query';
import type { SearchEngine } from '@/lib/search/types';
import { publicArticleSql } from '@/lib/articles/public';
import { snippetOf } from '@/lib/search/snippet';

// Column weights for bm25(): headline, kicker, standfirst, bodyText.
const RANK = 'bm25("ArticleSearch", 10.0, 2.0, 4.0, 1.0)';

/** Each term quoted (FTS5 string syntax, so no operator can sneak in), the last one as a prefix. */
export function toFtsQuery(terms: string[]): string {
  return terms.map((term, index) => `"${term.replaceAll('"', '""')}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
}

// CROSS JOIN, not JOIN: SQLite then keeps the tables in the order written, the full-text matches
// first and each one's article by its key. With a plain JOIN the planner drove the query from Article's
// (status, publishedAt) index, so every published article asked the full-text index about itself: at
// 1,000,000 articles one search took 25-100 s, and better-sqlite3 holds the event loop while it runs
// (the news-day bench saw the whole server stop answering). search.test.ts reads the plans.
/** How many public articles match, counted no further than the cap (parameters: match, now, cap + 1). */
export const countSql = `SELECT count(*) AS total FROM (
   SELECT 1 FROM "ArticleSearch" CROSS JOIN "Article" a ON a."id" = "ArticleSearch".rowid
   WHERE "ArticleSearch" MATCH ? AND ${publicArticleSql('a', '?')}
   LIMIT ?
 )`;
/** One page of the newest candidates, ranked (parameters: match, candidates, now, limit, offset). */
export const pageSql = `WITH candidates AS (
   SELECT rowid AS id, ${RANK} AS rank FROM "ArticleSearch"
   WHERE "ArticleSearch" MATCH ? ORDER BY rowid DESC LIMIT ?
 )
 SELECT a."id" AS id FROM candidates c CROSS JOIN "Article" a ON a."id" = c.id
 WHERE ${publicArticleSql('a', '?')}
 ORDER BY c.rank, a."publishedAt" DESC, a."id" DESC
 LIMIT ? OFFSET ?`;

export const sqliteSearch: SearchEngine = {
  async search(terms, offset, limit, now = new Date()) {
    const match = toFtsQuery(terms);
    const [countRow] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
      countSql,
      match,
      now,
      SEARCH_COUNT_CAP + 1,
    );
    const total = Number(countRow?.total ?? 0);
    if (total === 0 || offset >= total) return { total, matches: [] };
    // Rank the newest candidates, then cut the passages of the page's rows only.
    const page = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
      pageSql,
      match,
      SEARCH_CANDIDATES,
      now,
      limit,
      offset,
    );
    if (page.length === 0) return { total, matches: [] };
    const ids = page.map((row) => Number(row.id));
    // The passages from the bodies, cut as snippet() would (lib/search/snippet.ts): snippet() needs a
    // MATCH of its own, run again for each id, which cost more than the search itself for common words.
    const bodies = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, bodyText: true } });
    const bodyOf = new Map(bodies.map((row) => [row.id, row.bodyText]));
    return { total, matches: ids.map((id) => ({ id, snippet: snippetToHtml(snippetOf(bodyOf.get(id) ?? '', terms, MARK_START, MARK_END, '…', 24)) })) };
  },
};
