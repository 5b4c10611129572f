import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { isPostgres } from '@/lib/config';
import { loadArticlePage, getPublishedArticle, PAGE_SIZE } from '@/lib/articles/queries';
import { parseCursor } from '@/lib/articles/cursor';

const TOTAL = 47;
let sectionId = 0;

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  const other = await db.section.create({ data: { slug: 'sport', name: 'Sport' } });
  sectionId = section.id;
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let index = 0; index < TOTAL; index++) {
    // Pairs of articles share a publication time: the id must break the tie without losing any.
    await db.article.create({
      data: {
        slug: `story-${index}`,
        headline: `Story ${index}`,
        status: 'published',
        sectionId: section.id,
        publishedAt: new Date(base - Math.floor(index / 2) * 60_000),
      },
    });
  }
  await db.article.create({ data: { slug: 'draft', headline: 'Draft', status: 'draft', sectionId: section.id, publishedAt: new Date(base + 1) } });
  await db.article.create({ data: { slug: 'sport-story', headline: 'Sport', status: 'published', sectionId: other.id, publishedAt: new Date(base + 2) } });
});

describe('loadArticlePage (keyset pagination)', () => {
  it('walks older pages without duplicates or gaps, newest first, published only', async () => {
    const seen: string[] = [];
    let page = await loadArticlePage({ sectionId }, null, 'older');
    expect(page.newerCursor).toBeNull();
    const pages = [page];
    while (page.olderCursor) {
      page = await loadArticlePage({ sectionId }, parseCursor(page.olderCursor), 'older');
      pages.push(page);
    }
    for (const each of pages) seen.push(...each.articles.map((article) => article.slug));
    expect(pages.map((each) => each.articles.length)).toEqual([PAGE_SIZE, PAGE_SIZE, TOTAL - 2 * PAGE_SIZE]);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).not.toContain('draft');
    expect(seen).not.toContain('sport-story');
    const times = pages.flatMap((each) => each.articles.map((article) => Date.parse(article.publishedAt)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('goes back to the same page with the newer cursor', async () => {
    const first = await loadArticlePage({ sectionId }, null, 'older');
    const second = await loadArticlePage({ sectionId }, parseCursor(first.olderCursor!), 'older');
    expect(second.newerCursor).not.toBeNull();
    const back = await loadArticlePage({ sectionId }, parseCursor(second.newerCursor!), 'newer');
    expect(back.articles.map((article) => article.slug)).toEqual(first.articles.map((article) => article.slug));
    expect(back.newerCursor).toBeNull();
  });

  // SQLite's planner, checked directly; PostgreSQL picks plans by table statistics, so a tiny test
  // table proves nothing there (the bench measures deep pages on both).
  it.skipIf(isPostgres())('seeks with the index instead of scanning past earlier pages', async () => {
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT id FROM "Article" WHERE "sectionId" = 1 AND "status" = 'published'
       AND "publishedAt" <= '2026-01-01T00:00:00.000Z' AND NOT ("publishedAt" = '2026-01-01T00:00:00.000Z' AND id >= 5)
       ORDER BY "publishedAt" DESC, id DESC LIMIT 21`,
    );
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toMatch(/USING (COVERING )?INDEX Article_sectionId_status_publishedAt_id_idx \(sectionId=\? AND status=\? AND publishedAt<\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});

describe('getPublishedArticle', () => {
  it('returns published articles and nothing else', async () => {
    expect((await getPublishedArticle('story-3'))?.headline).toBe('Story 3');
    expect(await getPublishedArticle('draft')).toBeNull();
    expect(await getPublishedArticle('no-such-story')).toBeNull();
  });
});
