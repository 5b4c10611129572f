// One rule for "public" (lib/articles/public.ts), in every public read: a published article dated
// ahead (an import, a restore) is seen nowhere until its time, next to one that is public already.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { isPublicArticle, publicArticleWhere } from '@/lib/articles/public';
import { getBreakingNews } from '@/lib/articles/breaking';
import { getHomeFront, getPublishedArticle, getSectionFront, getTagFront, loadArticlePage } from '@/lib/articles/queries';
import { loadFeed } from '@/lib/feeds/queries';
import { articleSitemapEntries, newsSitemapEntries, sectionSitemapEntries, sitemapMonths, tagSitemapEntries } from '@/lib/sitemaps/queries';
import { searchArticles } from '@/lib/search';
import { resolvePublicPath } from '@/lib/routing/resolve-path';

vi.hoisted(async () => {
  // Outside a Next server, unstable_cache needs what the server sets up before loading any page: its
  // AsyncLocalStorage, and an incremental cache, here one that keeps nothing (so every list below is
  // read from the database).
  const { AsyncLocalStorage } = await import('node:async_hooks');
  Object.assign(globalThis, {
    AsyncLocalStorage,
    __incrementalCache: { isOnDemandRevalidate: false, generateSimpleCacheKey: async (key: string) => key, get: async () => null, set: async () => undefined },
  });
});

const now = new Date();
const ahead = new Date(now.getTime() + 3600_000);
const lately = new Date(now.getTime() - 3600_000);

async function collect<T>(entries: AsyncGenerator<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'harbour', name: 'Harbour' } });
  const tag = await db.tag.create({ data: { slug: 'ferries', name: 'Ferries' } });
  const article = (slug: string, publishedAt: Date) =>
    db.article.create({
      data: {
        slug,
        headline: `Zeppelin ${slug}`,
        bodyText: `Zeppelin over the harbour: ${slug}.`,
        status: 'published',
        publishedAt,
        sectionId: section.id,
        breakingUntil: new Date(now.getTime() + 7200_000),
        tags: { create: { tagId: tag.id, position: 0 } },
      },
    });
  const visible = await article('seen-now', lately);
  const dated = await article('dated-ahead', ahead);
  await db.relatedLink.create({ data: { articleId: visible.id, position: 0, targetArticleId: dated.id } });
});

describe('the rule', () => {
  it('is published AND dated no later than now, in both forms', async () => {
    expect(isPublicArticle({ status: 'published', publishedAt: lately }, now)).toBe(true);
    expect(isPublicArticle({ status: 'published', publishedAt: now }, now)).toBe(true);
    expect(isPublicArticle({ status: 'published', publishedAt: ahead }, now)).toBe(false);
    expect(isPublicArticle({ status: 'published', publishedAt: null }, now)).toBe(false);
    expect(isPublicArticle({ status: 'scheduled', publishedAt: lately }, now)).toBe(false);
    const rows = await db.article.findMany({ select: { slug: true, status: true, publishedAt: true } });
    const byFilter = (await db.article.findMany({ where: publicArticleWhere(now), select: { slug: true } })).map((row) => row.slug);
    expect(byFilter).toEqual(rows.filter((row) => isPublicArticle(row, now)).map((row) => row.slug));
    expect(byFilter).toEqual(['seen-now']);
  });
});

describe('a published article dated ahead is in no public read', () => {
  const slugsOf = (cards: { slug?: string; path?: string; loc?: string }[]) => cards.map((card) => card.slug ?? card.path ?? card.loc);

  it('section, tag and home lists', async () => {
    expect(slugsOf((await getSectionFront('harbour', null, 'older'))!.page.articles)).toEqual(['seen-now']);
    expect(slugsOf((await getTagFront('ferries', null, 'older'))!.page.articles)).toEqual(['seen-now']);
    const home = await getHomeFront();
    expect(slugsOf(home.latest.concat(home.lead ? [home.lead] : []))).toEqual(['seen-now']);
    expect(home.sections.map((block) => slugsOf(block.articles))).toEqual([['seen-now']]);
  });

  it('keyset pages both ways, a forged cursor dated ahead included', async () => {
    const section = (await db.section.findUniqueOrThrow({ where: { slug: 'harbour' } })).id;
    const before = { publishedAt: new Date(lately.getTime() - 1000), id: 0 };
    expect(slugsOf((await loadArticlePage({ sectionId: section }, before, 'newer')).articles)).toEqual(['seen-now']);
    const beyond = { publishedAt: new Date(ahead.getTime() + 1000), id: 0 };
    expect(slugsOf((await loadArticlePage({ sectionId: section }, beyond, 'older')).articles)).toEqual(['seen-now']);
    expect((await loadArticlePage({ sectionId: section }, before, 'newer')).newerCursor).toBeNull();
  });

  it('the article page, its related links and its path', async () => {
    expect(await getPublishedArticle('dated-ahead')).toBeNull();
    expect((await getPublishedArticle('seen-now'))?.related).toEqual([]);
    expect(await resolvePublicPath('GET', '/harbour/dated-ahead')).toEqual({ kind: 'missing' });
    expect(await resolvePublicPath('GET', '/harbour/seen-now')).toEqual({ kind: 'page' });
  });

  it('the breaking banner', async () => {
    expect((await getBreakingNews())?.path).toBe('/harbour/seen-now');
  });

  it('feeds', async () => {
    for (const scope of [{ kind: 'site' }, { kind: 'section', slug: 'harbour' }, { kind: 'tag', slug: 'ferries' }] as const) {
      expect((await loadFeed(scope))!.items.map((item) => item.path), scope.kind).toEqual(['/harbour/seen-now']);
    }
  });

  it('sitemaps', async () => {
    const months = await sitemapMonths();
    expect(months.reduce((sum, month) => sum + month.count, 0)).toBe(1);
    const articles = (await Promise.all(months.map((month) => collect(articleSitemapEntries({ year: month.year, month: month.month, part: 1 }))))).flat();
    expect(articles.map((entry) => entry.loc)).toEqual([expect.stringMatching(/\/harbour\/seen-now$/)]);
    expect((await newsSitemapEntries()).map((entry) => entry.loc)).toEqual([expect.stringMatching(/\/harbour\/seen-now$/)]);
    const [home] = await collect(sectionSitemapEntries());
    expect(home!.lastmod).toBe(lately.toISOString());
    expect((await collect(tagSitemapEntries(1))).map((entry) => entry.loc)).toEqual([expect.stringMatching(/\/tag\/ferries$/)]);
  });

  it('search', async () => {
    const results = await searchArticles('zeppelin');
    expect(results.total).toBe(1);
    expect(results.hits.map((hit) => hit.slug)).toEqual(['seen-now']);
  });
});
