// Full-text search on SQLite: the FTS5 table "ArticleSearch" (migration 20261127000100), ranked by
// BM25 with the headline weighing most. Raw SQL because Prisma has no FTS5 API.
import { db } from '@/lib/db/client';
import { MARK_END, MARK_START, snippetToHtml } from '@/lib/search/query';
import type { SearchEngine } from '@/lib/search/types';
import { publicArticleSql } from '@/lib/articles/public';

// Column weights for bm25(): headline, kicker, standfirst, bodyText.
const RANK = 'bm25("ArticleSearch", 10.0, 2.0, 4.0, 1.0)';

/** Each term quoted (FTS5 string syntax, so no operator can sneak in), the last one as a prefix. */
export function toFtsQuery(terms: string[]): string {
  return terms.map((term, index) => `"${term.replaceAll('"', '""')}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
}

export const sqliteSearch: SearchEngine = {
  async search(terms, offset, limit, now = new Date()) {
    const match = toFtsQuery(terms);
    const [countRow] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
      `SELECT count(*) AS total FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch".rowid
       WHERE "ArticleSearch" MATCH ? AND ${publicArticleSql('a', '?')}`,
      match,
      now,
    );
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; snippet: string }[]>(
      `SELECT a."id" AS id, snippet("ArticleSearch", 3, ?, ?, '…', 24) AS snippet
       FROM "ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch".rowid
       WHERE "ArticleSearch" MATCH ? AND ${publicArticleSql('a', '?')}
       ORDER BY ${RANK}, a."publishedAt" DESC
       LIMIT ? OFFSET ?`,
      MARK_START,
      MARK_END,
      match,
      now,
      limit,
      offset,
    );
    return {
      total: Number(countRow?.total ?? 0),
      matches: rows.map((row) => ({ id: Number(row.id), snippet: snippetToHtml(row.snippet ?? '') })),
    };
  },
};
