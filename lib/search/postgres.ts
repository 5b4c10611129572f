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
import { SearchTimedOut, type SearchEngine, type SearchMatches } from '@/lib/search/types';
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

/** How many public articles match, counted no further than the cap (parameters: tsquery, now, cap + 1).
 * OFFSET 0 keeps the public rule out of the scan: without it the planner ANDed the full-text bitmap
 * with the (status, publishedAt) index's bitmap of every published article (388 ms of 434 at 218,000
 * articles for a word in two of them). */
export const countSql = `SELECT count(*) AS total FROM (
   SELECT 1 FROM (
     SELECT a."status", a."publishedAt" FROM "Article" a
     WHERE a."searchVector" @@ to_tsquery('lede_search', $1) OFFSET 0
   ) m
   WHERE ${publicArticleSql('m', '$2')}
   LIMIT $3
 ) counted`;

/** The newest candidates, ranked, with the page's rows and how many candidates there were and how many
 * of them are public (parameters: tsquery, limit, offset, headline options, now, candidates). The
 * candidates are MATERIALIZED, each ranked from the row already read: with a plain join the planner
 * joined them to every published article by hash (4.8 s at 218,000 articles for a word in two). The
 * match is written out with its parameter, not read from the q CTE: the planner then sees the words
 * and their frequency, and walks the primary key backwards for a word in most articles (65 ms for
 * "said" at 1,000,000) instead of a bitmap of every match (more than 15 s). The (costlier) headline
 * only for the page's rows. The parser would drop "<word>" from the passage as an
 * HTML tag: "<" travels as chr(1) and back. */
export const pageSql = `WITH q AS MATERIALIZED (SELECT to_tsquery('lede_search', $1) AS query),
 candidates AS MATERIALIZED (
   SELECT c."id", c."publishedAt", (${publicArticleSql('c', '$5')}) AS public, ts_rank(c."searchVector", to_tsquery('lede_search', $1)) AS rank
   FROM (
     SELECT a."id", a."status", a."publishedAt", a."searchVector" FROM "Article" a
     WHERE a."searchVector" @@ to_tsquery('lede_search', $1)
     ORDER BY a."id" DESC
     LIMIT $6
   ) c
 ),
 counts AS (SELECT count(*) AS candidates, count(*) FILTER (WHERE public) AS public FROM candidates),
 page AS (
   SELECT c."id", c."publishedAt", c.rank FROM candidates c
   WHERE c.public
   ORDER BY c.rank DESC, c."publishedAt" DESC, c."id" DESC
   LIMIT $2 OFFSET $3
 )
 SELECT counts.candidates, counts.public, page."id" AS id,
        ts_headline('lede_search', replace(a."bodyText", '<', chr(1)), q.query, $4) AS snippet, a."bodyText" AS body
 FROM counts
 LEFT JOIN (page JOIN "Article" a ON a."id" = page."id" CROSS JOIN q) ON true
 ORDER BY page.rank DESC, page."publishedAt" DESC, page."id" DESC`;

type PageRow = { candidates: number | bigint; public: number | bigint; id: number | bigint | null; snippet: string | null; body: string | null };

/** PostgreSQL's own limit on a search's statements: the server stops the query and frees its
 * connection (a client-side timeout would leave it running). A prefix in a tenth of 1,000,000 articles
 * ("video") took 2.1 s alone and 10 s under the news day, where the client's 10 s read timeout made it
 * a 500 (docs/benchmarks.md, "News day"). */
export const SEARCH_TIMEOUT_MS = 3_000;

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however Prisma wraps it. */
export function isStatementTimeout(error: unknown): boolean {
  const text = [error instanceof Error ? error.message : String(error), JSON.stringify((error as { meta?: unknown })?.meta ?? null)].join(' ');
  return /57014|statement timeout/i.test(text);
}

export const postgresSearch: SearchEngine = {
  async search(terms, offset, limit, now = new Date(), { timeoutMs = SEARCH_TIMEOUT_MS } = {}) {
    try {
      // SET LOCAL holds for this transaction only: the connection goes back to the pool unchanged. On a
      // replica when there are some (a transaction on the extended client would go to the primary).
      const reader = (db as unknown as { $replica?: () => typeof db }).$replica?.() ?? db;
      return await reader.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
          return searchIn(tx, terms, offset, limit, now);
        },
        { timeout: timeoutMs + 5_000, maxWait: 5_000 },
      );
    } catch (error) {
      if (isStatementTimeout(error)) throw new SearchTimedOut(timeoutMs);
      throw error;
    }
  },
};

type Queries = Pick<typeof db, '$queryRawUnsafe'>;

async function searchIn(client: Queries, terms: string[], offset: number, limit: number, now: Date): Promise<SearchMatches> {
  const query = toTsQuery(terms);
  const rows = await client.$queryRawUnsafe<PageRow[]>(pageSql, query, limit, offset, HEADLINE_OPTIONS, now, SEARCH_CANDIDATES);
  const candidates = Number(rows[0]?.candidates ?? 0);
  const publicCandidates = Number(rows[0]?.public ?? 0);
  // The candidates settle the count when they hold every match (fewer than SEARCH_CANDIDATES) or
  // more public ones than the cap: only otherwise is it counted over the index (the same number).
  let total = Math.min(publicCandidates, SEARCH_COUNT_CAP + 1);
  if (candidates >= SEARCH_CANDIDATES && publicCandidates <= SEARCH_COUNT_CAP) {
    const [countRow] = await client.$queryRawUnsafe<{ total: number | bigint }[]>(countSql, query, now, SEARCH_COUNT_CAP + 1);
    total = Number(countRow?.total ?? 0);
  }
  if (total === 0 || offset >= total) return { total, matches: [] };
  return {
    total,
    matches: rows
      .filter((row) => row.id !== null)
      .map((row) => ({ id: Number(row.id), snippet: snippetToHtml(withEllipses((row.snippet ?? '').replaceAll('\u0001', '<'), row.body ?? '')) })),
  };
}

/** FTS5 marks a cut passage with an ellipsis at the cut end(s); ts_headline does not: add them. */
export function withEllipses(snippet: string, body: string): string {
  const plain = snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
  if (!plain) return snippet;
  const at = body.indexOf(plain);
  const head = at > 0 ? ELLIPSIS : '';
  const tail = at >= 0 && at + plain.length < body.trimEnd().length ? ELLIPSIS : '';
  return head + snippet + tail;
}
