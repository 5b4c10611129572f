// What an article change records for the sitemap index: the months (UTC) the article is and was dated
// in, so that each month's cached summary is recounted when, and only when, an article of that month
// changes (lib/sitemaps/cached.ts). A re-dated article touches both its old and its new month.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { footprintBefore, recordFootprint } from '@/lib/articles/commands/change';
import { tagsForArticleChange } from '@/lib/cache/refresh';
import { sitemapMonths } from '@/lib/sitemaps/queries';
import { makeArticle, makeSection } from '@/testing/rows';

describe('an article change and the sitemap index’s months', () => {
  it('names the month the article was dated in and the month it is dated in now', async () => {
    const section = await makeSection('months');
    const article = await makeArticle({ sectionId: section.id, publishedAt: new Date('2026-10-31T23:59:59.999Z') });
    const change = await db.$transaction(async (tx) => {
      const footprint = await footprintBefore(article.id, tx);
      await tx.article.update({ where: { id: article.id }, data: { publishedAt: new Date('2026-11-01T00:00:00.000Z') } });
      return recordFootprint(tx, article.id, footprint);
    });
    expect(change?.months).toEqual(['2026-10', '2026-11']);
    const tags = tagsForArticleChange(change!);
    expect(tags.filter((tag) => tag.startsWith('sitemap-month'))).toEqual(['sitemap-month:2026-10', 'sitemap-month:2026-11']);
    // The refresh recorded with the write carries them (the outbox is what every instance carries out).
    const recorded = await db.pageRefresh.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { tags: true } });
    expect(JSON.parse(recorded.tags)).toEqual(expect.arrayContaining(['sitemap-month:2026-10', 'sitemap-month:2026-11', 'sitemaps']));
  });

  it('the index asks for each month of the span once, and lists the months that hold public articles', async () => {
    const section = await makeSection('span');
    await makeArticle({ sectionId: section.id, publishedAt: new Date('2025-01-15T00:00:00Z') });
    await makeArticle({ sectionId: section.id, publishedAt: new Date('2025-03-15T00:00:00Z') });
    await db.article.updateMany({ where: { sectionId: { not: section.id } }, data: { status: 'draft' } });
    const asked: string[] = [];
    const months = await sitemapMonths(new Date('2025-04-01T00:00:00Z'), async ({ year, month }) => {
      asked.push(`${year}-${month}`);
      return month === 2 ? null : { year, month, count: 1, lastmod: null };
    });
    expect(asked).toEqual(['2025-1', '2025-2', '2025-3']);
    expect(months.map(({ year, month }) => `${year}-${month}`)).toEqual(['2025-1', '2025-3']);
  });
});
