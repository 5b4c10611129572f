// Full-text search on PostgreSQL: the generated tsvector column "Article"."searchVector" with its GIN
// index (prisma/postgres/migrations/20261127000100_article_search), behind the same interface as
// FTS5 and made to answer alike: every term must match, the last one as a prefix; accents and case
// folded ("lede_search" configuration); ranked by ts_rank on the weights headline > standfirst >
// kicker > body (the proportions of FTS5's bm25 weights), newest first among equals; a snippet of
// the body around the matches, marked like FTS5's snippet() and with the same ellipses. The same
// bounds as FTS5 (docs/decisions/0023-render-path.md): the count stops past SEARCH_COUNT_CAP, and
// only the SEARCH_CANDIDATES most recently added matches (highest ids) are ranked.
import { db } from '@/lib/db/client';
import { MARK_END, MARK_START, SEARCH_CANDIDATES, SEARCH_COUNT_CAP, snippetToHtml } from '@/lib/search/query';
import type { SearchEngine } from '@/lib/search/types';
import { publicArticleSql } from '@/lib/articles/public';

/** Each term a quoted lexeme (so no tsquery operator can sneak in), all required, the last a prefix. */
export function toTsQuery(terms: string[]): string {
  return terms
    .map((term, index) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${index === terms.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

// FTS5 snippet(…, 24) shows up to 24 tokens around the match; ts_headline counts words alike, and
// fragment mode (MaxFragments=1) centres the passage on the match as FTS5 does.
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=12, ShortWord=0, HighlightAll=false, MaxFragments=1`;
const ELLIPSIS = '…';

export const postgresSearch: SearchEngine = {
  async search(terms, offset, limit, now = new Date()) {
    const query = toTsQuery(terms);
    const [countRow] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
      `SELECT count(*) AS total FROM (
         SELECT 1 FROM "Article" a
         WHERE a."searchVector" @@ to_tsquery('lede_search', $1) AND ${publicArticleSql('a', '$2')}
         LIMIT $3
       ) counted`,
      query,
      now,
      SEARCH_COUNT_CAP + 1,
    );
    const total = Number(countRow?.total ?? 0);
    if (total === 0 || offset >= total) return { total, matches: [] };
    // Rank over the index's matches first; the (costlier) headline only for the page's rows. The
    // parser would drop "<word>" from the passage as an HTML tag: "<" travels as chr(1) and back.
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; snippet: string | null; body: string | null }[]>(
      `WITH q AS (SELECT to_tsquery('lede_search', $1) AS query),
       candidates AS (
         SELECT a."id" FROM "Article" a, q
         WHERE a."searchVector" @@ q.query
         ORDER BY a."id" DESC
         LIMIT $6
       ),
       page AS (
         SELECT a."id", a."publishedAt", ts_rank(a."searchVector", q.query) AS rank
         FROM candidates c JOIN "Article" a ON a."id" = c."id", q
         WHERE ${publicArticleSql('a', '$5')}
         ORDER BY rank DESC, a."publishedAt" DESC, a."id" DESC
         LIMIT $2 OFFSET $3
       )
       SELECT page."id" AS id, ts_headline('lede_search', replace(a."bodyText", '<', chr(1)), q.query, $4) AS snippet, a."bodyText" AS body
       FROM page JOIN "Article" a ON a."id" = page."id", q
       ORDER BY page.rank DESC, page."publishedAt" DESC, page."id" DESC`,
      query,
      limit,
      offset,
      HEADLINE_OPTIONS,
      now,
      SEARCH_CANDIDATES,
    );
    return {
      total,
      matches: rows.map((row) => ({ id: Number(row.id), snippet: snippetToHtml(withEllipses((row.snippet ?? '').replaceAll('\u0001', '<'), row.body ?? '')) })),
    };
  },
};

/** FTS5 marks a cut passage with an ellipsis at the cut end(s); ts_headline does not: add them. */
export function withEllipses(snippet: string, body: string): string {
  const plain = snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
  if (!plain) return snippet;
  const at = body.indexOf(plain);
  const head = at > 0 ? ELLIPSIS : '';
  const tail = at >= 0 && at + plain.length < body.trimEnd().length ? ELLIPSIS : '';
  return head + snippet + tail;
}
