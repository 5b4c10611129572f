// Database reads behind the sitemaps. Everything that can grow with the archive is read in keyset
// batches (publishedAt, id) through the [status, publishedAt, id] index and yielded one entry at a
// time, so a month of 50,000 articles or an archive of 1,000,000 costs constant memory.
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { absoluteUrl, articlePath, mediaPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { publicArticleWhere, publicBound } from '@/lib/articles/public';
import { onPostgres } from '@/lib/db/dialect';
import { fallbackShareImages } from '@/lib/seo/site';
import { monthRange, urlsPerSitemap, type MonthChunk } from '@/lib/sitemaps/urls';
import type { NewsEntry, SitemapEntry } from '@/lib/sitemaps/xml';

// Rows per read. On SQLite each read holds the event loop while it runs, a stall of every page being
// answered: smaller reads interleave with them (a keyset seek per batch is cheap). At 1,000,000
// articles a batch of 250 reads in under 20 ms (the news-day bench's SQL trace logged none over 20 ms
// but a month part's first, which skips the parts before it).
const batchSize = 250;

export type MonthSummary = { year: number; month: number; count: number; lastmod: string | null };

/**
 * Every month holding a public article, oldest first, with its count (for 50,000-URL parts) and the
 * latest modification. `summarise` reads one month (lib/sitemaps/cached.ts passes a cached one: a
 * publish then recounts only its own month: docs/decisions/0028-query-plans-at-a-million.md).
 */
export async function sitemapMonths(now: Date = new Date(), summarise: (month: Month) => Promise<MonthSummary | null> = (month) => monthSummary(month, now)): Promise<MonthSummary[]> {
  const summaries = await Promise.all((await sitemapMonthSpan(now)).map(summarise));
  return summaries.filter((summary): summary is MonthSummary => summary !== null);
}

export type Month = { year: number; month: number };

/** The months from the first public article's to the last one's, oldest first. */
export async function sitemapMonthSpan(now: Date = new Date()): Promise<Month[]> {
  const visible = publicArticleWhere(now);
  // The first and the last public article, each one index look-up. (An aggregate's MIN and MAX read
  // every public article: 0.4-0.5 s at 1,000,000 on SQLite.)
  const edge = (direction: 'asc' | 'desc') =>
    db.article.findFirst({ where: visible, orderBy: [{ publishedAt: direction }, { id: direction }], select: { publishedAt: true } });
  const first = (await edge('asc'))?.publishedAt;
  const last = (await edge('desc'))?.publishedAt;
  if (!first || !last) return [];
  const months: Month[] = [];
  const endKey = last.getUTCFullYear() * 12 + last.getUTCMonth();
  for (let key = first.getUTCFullYear() * 12 + first.getUTCMonth(); key <= endKey; key++) {
    months.push({ year: Math.floor(key / 12), month: (key % 12) + 1 });
  }
  return months;
}

/**
 * One month's count and latest modification; null when it holds no public article. One aggregate
 * read from the index alone: [status, publishedAt, id, modifiedAt] holds every column it needs
 * (without modifiedAt in it, each row of the month was read from the table: 0.9-2.4 s a month at
 * 1,000,000 articles on SQLite, holding the event loop).
 */
export async function monthSummary({ year, month }: Month, now: Date = new Date()): Promise<MonthSummary | null> {
  const { start, end } = monthRange({ year, month });
  const stats = await db.article.aggregate({
    where: { ...publicArticleWhere(now), publishedAt: { gte: start, lt: end, lte: now } },
    _count: { _all: true },
    _max: { modifiedAt: true, publishedAt: true },
  });
  if (stats._count._all === 0) return null;
  const lastmod = laterOf(stats._max.modifiedAt, stats._max.publishedAt);
  return { year, month, count: stats._count._all, lastmod: lastmod?.toISOString() ?? null };
}

function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

const articleSitemapSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  contentType: true,
  publishedAt: true,
  modifiedAt: true,
  section: { select: { slug: true } },
  leadMedia: {
    select: { kind: true, path: true, durationSeconds: true, poster: { select: { path: true } } },
  },
} satisfies Prisma.ArticleSelect;

// Without bodyText: a video without a standfirst is described by the start of its text, read for
// those rows only (withVideoText). Read for every row, the text made a batch of 1,000 take 70-120 ms
// at 1,000,000 articles on SQLite, each holding the event loop.
type ArticleSitemapRow = Prisma.ArticleGetPayload<{ select: typeof articleSitemapSelect }> & { bodyText?: string };

/** The rows that need their text (videos without a standfirst), with it. */
async function withVideoText(rows: ArticleSitemapRow[]): Promise<ArticleSitemapRow[]> {
  const needText = rows.filter((row) => row.contentType === 'video' && row.leadMedia?.kind === 'video' && !row.standfirst).map((row) => row.id);
  if (!needText.length) return rows;
  const texts = new Map((await db.article.findMany({ where: { id: { in: needText } }, select: { id: true, bodyText: true } })).map((row) => [row.id, row.bodyText]));
  return rows.map((row) => (texts.has(row.id) ? { ...row, bodyText: texts.get(row.id) } : row));
}

const mediaUrl = (path: string): string => absoluteUrl(mediaPath(path));

export function articleSitemapEntry(row: ArticleSitemapRow): SitemapEntry {
  const loc = absoluteUrl(articlePath(row));
  const published = row.publishedAt!.toISOString();
  const lastmod = laterOf(row.modifiedAt, row.publishedAt)!.toISOString();
  const media = row.leadMedia;
  if (media?.kind === 'video' && row.contentType === 'video') {
    const poster = media.poster ? mediaUrl(media.poster.path) : absoluteUrl(fallbackShareImages[0].path);
    return {
      loc,
      lastmod,
      images: media.poster ? [{ loc: poster }] : [],
      video: {
        thumbnailLoc: poster,
        title: row.headline,
        description: row.standfirst || (row.bodyText ?? '').slice(0, 2048) || row.headline,
        contentLoc: mediaUrl(media.path),
        durationSeconds: media.durationSeconds,
        publicationDate: published,
      },
    };
  }
  const images = media?.kind === 'image' ? [{ loc: mediaUrl(media.path) }] : media?.poster ? [{ loc: mediaUrl(media.poster.path) }] : [];
  return { loc, lastmod, images };
}

/**
 * The articles of one month part, oldest first: parts after the first skip whole 50,000-row blocks
 * (an index range skip, only in months that big), then read in keyset batches.
 */
export type Paging = { perFile?: number; batch?: number };

export async function* articleSitemapEntries(
  chunk: MonthChunk,
  now: Date = new Date(),
  { perFile = urlsPerSitemap, batch = batchSize }: Paging = {},
): AsyncGenerator<SitemapEntry> {
  const { start, end } = monthRange(chunk);
  let remaining = perFile;
  let skip = (chunk.part - 1) * perFile;
  let after: { publishedAt: Date; id: number } | null = null;
  while (remaining > 0) {
    // The keyset as ONE range that starts at the last row read (`publishedAt >= t AND NOT (publishedAt
    // = t AND id <= x)`), as the fronts' pages do. Written as `publishedAt > t OR (publishedAt = t AND
    // id > x)` beside the month's bounds, SQLite's planner took the range from the month's start and
    // filtered: each batch walked the month up to where the last one ended (50-100 ms a batch at
    // 1,000,000 articles, whatever its size: the news-day trace), so a month file cost O(n²).
    const where: Prisma.ArticleWhereInput = {
      status: 'published',
      publishedAt: { gte: after ? after.publishedAt : start, lt: end, lte: publicBound(now) },
      ...(after ? { NOT: { publishedAt: after.publishedAt, id: { lte: after.id } } } : {}),
    };
    const take = Math.min(batch, remaining);
    const rows = await db.article.findMany({
      where,
      orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
      take,
      skip,
      select: articleSitemapSelect,
    });
    skip = 0;
    for (const row of await withVideoText(rows)) yield articleSitemapEntry(row);
    remaining -= rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < take) return;
    after = { publishedAt: last.publishedAt!, id: last.id };
  }
}

/** Home and every section front, with the time their newest article changed. */
export async function* sectionSitemapEntries(now: Date = new Date()): AsyncGenerator<SitemapEntry> {
  const visible = publicArticleWhere(now);
  // Home's lastmod is its newest article's, as each front's below: one index look-up. (The latest
  // change of every public article needed all of them read: 0.4-0.5 s at 1,000,000 on SQLite.)
  const newestOfAll = await db.article.findFirst({ where: visible, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: { publishedAt: true, modifiedAt: true } });
  yield { loc: absoluteUrl('/'), lastmod: newestOfAll ? (laterOf(newestOfAll.publishedAt, newestOfAll.modifiedAt)?.toISOString() ?? null) : null };
  // A retired section's front still answers but is no longer updated: not offered to crawlers.
  const sections = await db.section.findMany({ where: { retiredAt: null }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, slug: true } });
  for (const section of sections) {
    const newest = await db.article.findFirst({
      where: { ...visible, sectionId: section.id },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      select: { publishedAt: true, modifiedAt: true },
    });
    yield { loc: absoluteUrl(sectionPath(section.slug)), lastmod: newest ? laterOf(newest.publishedAt, newest.modifiedAt)?.toISOString() : null };
  }
}

/** A tag with at least one public article, in SQL, on the Tag table known as `t`: one seek in its
 * links' [tagId, publicFrom, articleId] index (decision 0029). Prisma's `articles: { some: ... }` let
 * SQLite's planner walk every public article for each tag looking for one with it (0.7 s for 22 tags
 * at 1,000,000 articles; a tag with none read them all). `now` is parameter `placeholder`. */
const tagWithPublicArticleSql = (placeholder: string) => `EXISTS (
    SELECT 1 FROM "ArticleTag" link WHERE link."tagId" = t."id" AND link."publicFrom" <= ${placeholder}
  )`;

/** How many tag sitemaps there are (tags with at least one public article, 50,000 per file). */
export async function tagSitemapParts(now: Date = new Date()): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ count: number | bigint }[]>(
    `SELECT COUNT(*) AS count FROM "Tag" t WHERE ${tagWithPublicArticleSql(onPostgres() ? '$1' : '?')}`,
    now,
  );
  return Math.ceil(Number(row?.count ?? 0) / urlsPerSitemap);
}

/** Up to `take` tags with a public article and an id above `afterId`, in id order, `skip` skipped. */
function tagsWithPublicArticles(now: Date, afterId: number, take: number, skip: number): Promise<{ id: number | bigint; slug: string }[]> {
  // SQLite's "?" are taken in the order they appear: the parameters are written in that order.
  const [at, after, limit, offset] = onPostgres() ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
  return db.$queryRawUnsafe(
    `SELECT t."id" AS id, t."slug" AS slug FROM "Tag" t
      WHERE ${tagWithPublicArticleSql(at)} AND t."id" > ${after}
      ORDER BY t."id" LIMIT ${limit} OFFSET ${offset}`,
    now,
    afterId,
    take,
    skip,
  );
}

/** Tag pages of one part, in id order, in keyset batches. */
export async function* tagSitemapEntries(part: number, now: Date = new Date()): AsyncGenerator<SitemapEntry> {
  let remaining = urlsPerSitemap;
  let skip = (part - 1) * urlsPerSitemap;
  let afterId = 0;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const rows = (await tagsWithPublicArticles(now, afterId, take, skip)).map((row) => ({ id: Number(row.id), slug: row.slug }));
    skip = 0;
    for (const row of rows) yield { loc: absoluteUrl(tagPath(row.slug)) };
    remaining -= rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < take) return;
    afterId = last.id;
  }
}

/** Google News: articles first published in the last 48 hours, newest first, at most 1,000. */
export async function newsSitemapEntries(now: Date = new Date()): Promise<NewsEntry[]> {
  const since = new Date(now.getTime() - 48 * 3600 * 1000);
  const rows = await db.article.findMany({
    where: { AND: [publicArticleWhere(now), { publishedAt: { gte: since } }] },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: 1_000,
    select: { slug: true, headline: true, publishedAt: true, section: { select: { slug: true } } },
  });
  return rows.map((row) => ({ loc: absoluteUrl(articlePath(row)), title: row.headline, publicationDate: row.publishedAt!.toISOString() }));
}
