// Database reads behind the sitemaps. Everything that can grow with the archive is read in keyset
// batches (publishedAt, id) through the [status, publishedAt, id] index and yielded one entry at a
// time, so a month of 50,000 articles or an archive of 1,000,000 costs constant memory.
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { absoluteUrl, articlePath, mediaPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { publicArticleWhere } from '@/lib/articles/public';
import { fallbackShareImages } from '@/lib/seo/site';
import { monthRange, urlsPerSitemap, type MonthChunk } from '@/lib/sitemaps/urls';
import type { NewsEntry, SitemapEntry } from '@/lib/sitemaps/xml';

const batchSize = 1_000;

export type MonthSummary = { year: number; month: number; count: number; lastmod: string | null };

/**
 * Every month holding a public article, oldest first, with its count (for 50,000-URL parts) and the
 * latest modification. One small aggregate per month through the index, never a scan of all rows.
 */
export async function sitemapMonths(now: Date = new Date()): Promise<MonthSummary[]> {
  const visible = publicArticleWhere(now);
  const bounds = await db.article.aggregate({ where: visible, _min: { publishedAt: true }, _max: { publishedAt: true } });
  const first = bounds._min.publishedAt;
  const last = bounds._max.publishedAt;
  if (!first || !last) return [];
  const months: MonthSummary[] = [];
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() + 1;
  const endKey = last.getUTCFullYear() * 12 + last.getUTCMonth();
  while (year * 12 + (month - 1) <= endKey) {
    const { start, end } = monthRange({ year, month });
    const stats = await db.article.aggregate({
      where: { ...visible, publishedAt: { gte: start, lt: end, lte: now } },
      _count: { _all: true },
      _max: { modifiedAt: true, publishedAt: true },
    });
    if (stats._count._all > 0) {
      const lastmod = laterOf(stats._max.modifiedAt, stats._max.publishedAt);
      months.push({ year, month, count: stats._count._all, lastmod: lastmod?.toISOString() ?? null });
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
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
  bodyText: true,
  contentType: true,
  publishedAt: true,
  modifiedAt: true,
  section: { select: { slug: true } },
  leadMedia: {
    select: { kind: true, path: true, durationSeconds: true, poster: { select: { path: true } } },
  },
} satisfies Prisma.ArticleSelect;

type ArticleSitemapRow = Prisma.ArticleGetPayload<{ select: typeof articleSitemapSelect }>;

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
        description: row.standfirst || row.bodyText.slice(0, 2048) || row.headline,
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
  const base: Prisma.ArticleWhereInput = { AND: [publicArticleWhere(now), { publishedAt: { gte: start, lt: end } }] };
  let remaining = perFile;
  let skip = (chunk.part - 1) * perFile;
  let after: { publishedAt: Date; id: number } | null = null;
  while (remaining > 0) {
    const where: Prisma.ArticleWhereInput = after
      ? {
          AND: [
            base,
            { OR: [{ publishedAt: { gt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { gt: after.id } }] },
          ],
        }
      : base;
    const take = Math.min(batch, remaining);
    const rows = await db.article.findMany({
      where,
      orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
      take,
      skip,
      select: articleSitemapSelect,
    });
    skip = 0;
    for (const row of rows) yield articleSitemapEntry(row);
    remaining -= rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < take) return;
    after = { publishedAt: last.publishedAt!, id: last.id };
  }
}

/** Home and every section front, with the time their newest article changed. */
export async function* sectionSitemapEntries(now: Date = new Date()): AsyncGenerator<SitemapEntry> {
  const visible = publicArticleWhere(now);
  const latest = await db.article.aggregate({ where: visible, _max: { publishedAt: true, modifiedAt: true } });
  yield { loc: absoluteUrl('/'), lastmod: laterOf(latest._max.publishedAt, latest._max.modifiedAt)?.toISOString() ?? null };
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

const tagWithPublicArticles = (now: Date): Prisma.TagWhereInput => ({
  articles: { some: { article: publicArticleWhere(now) } },
});

/** How many tag sitemaps there are (tags with at least one public article, 50,000 per file). */
export async function tagSitemapParts(now: Date = new Date()): Promise<number> {
  const count = await db.tag.count({ where: tagWithPublicArticles(now) });
  return Math.ceil(count / urlsPerSitemap);
}

/** Tag pages of one part, in id order, in keyset batches. */
export async function* tagSitemapEntries(part: number, now: Date = new Date()): AsyncGenerator<SitemapEntry> {
  let remaining = urlsPerSitemap;
  let skip = (part - 1) * urlsPerSitemap;
  let afterId = 0;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const rows = await db.tag.findMany({
      where: { ...tagWithPublicArticles(now), id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      skip,
      select: { id: true, slug: true },
    });
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
