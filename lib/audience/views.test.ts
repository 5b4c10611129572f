import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { unpublishArticle } from '@/lib/articles/commands/status';
import { tagsForArticleChange } from '@/lib/cache/refresh';
import { pruneViewHours, recordViews } from '@/lib/audience/views';
import { viewBatchSchema } from '@/lib/audience/schema';
import { updateMostRead } from '@/lib/audience/most-read';
import { articleViewsByHour, loadMostRead, sectionViewsByHour, siteViewsByHour, topArticlesToday } from '@/lib/audience/queries';
import { hourOf } from '@/lib/audience/counter.mjs';
import { makeArticle, makeSection } from '@/testing/rows';

const now = new Date();
const hour = hourOf(now.getTime());
let world: number;
let sport: number;
const a: number[] = [];
let editor: { id: number; role: 'editor' };

const views = async (articleId: number) =>
  (await db.articleViewHour.findMany({ where: { articleId }, orderBy: { hour: 'asc' }, select: { hour: true, views: true } })).map((row) => [row.hour, row.views]);

beforeAll(async () => {
  editor = { id: (await db.user.create({ data: { email: 'audience@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  world = (await makeSection('world', 'World', 0)).id;
  sport = (await makeSection('sport', 'Sport', 1)).id;
  for (let index = 0; index < 8; index += 1) a.push((await makeArticle({ sectionId: index < 4 ? world : sport, headline: `Article ${index}` })).id);
});

describe('recordViews', () => {
  it('adds to the hour’s row, stores nothing for ids that do not exist and names them', async () => {
    expect(await recordViews({ views: [[a[0]!, hour, 3], [a[0]!, hour - 1, 2], [999_999, hour, 5]] })).toEqual({ stored: 5, unknown: [999_999] });
    expect(await recordViews({ views: [[a[0]!, hour, 4], [a[0]!, hour, 1]] })).toEqual({ stored: 5, unknown: [] });
    expect(await views(a[0]!)).toEqual([[hour - 1, 2], [hour, 8]]);
    expect(await db.articleViewHour.count({ where: { articleId: 999_999 } })).toBe(0);
  });

  it('loses no view when flushes write the same rows at the same time', async () => {
    await Promise.all(Array.from({ length: 20 }, () => recordViews({ views: [[a[1]!, hour, 50], [a[2]!, hour, 1]] })));
    expect([await views(a[1]!), await views(a[2]!)]).toEqual([[[hour, 1000]], [[hour, 20]]]);
  });

  it('refuses a batch that is not one (the route answers 400)', () => {
    for (const body of [{ views: [[0, hour, 1]] }, { views: [[1, hour, 0]] }, { views: [[1, 12, 1]] }, { views: [[1.5, hour, 1]] }, { views: [[1, hour]] }, { views: [], extra: 1 }, { views: 'x' }]) {
      expect(viewBatchSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    expect(viewBatchSchema.safeParse({ views: Array.from({ length: 20_001 }, () => [1, hour, 1]) }).success).toBe(false);
  });
});

describe('the counting tables', () => {
  it('hold an article, an hour and a number, and nothing that identifies a reader', async () => {
    const columns = async (table: string) =>
      onPostgres()
        ? (await db.$queryRawUnsafe<{ name: string; type: string }[]>(
            `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
            table,
          )).map((column) => `${column.name} ${column.type}`)
        : (await db.$queryRawUnsafe<{ name: string; type: string }[]>(`SELECT name, type FROM pragma_table_info(?)`, table)).map((column) => `${column.name} ${column.type.toLowerCase()}`);
    expect(await columns('ArticleViewHour')).toEqual(['articleId integer', 'hour integer', 'views integer']);
    expect(await columns('MostReadEntry')).toEqual(['rank integer', 'articleId integer', 'views integer']);
    await updateMostRead(now);
    const rows = [
      ...(await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "ArticleViewHour"`)),
      ...(await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "MostReadEntry"`)),
    ];
    expect(rows.length).toBeGreaterThan(0);
    // Every value of every row is a whole number: no address, no agent, no cookie, no text at all.
    for (const row of rows) for (const value of Object.values(row)) expect(Number.isInteger(Number(value)) && typeof value !== 'string', String(value)).toBe(true);
  });
});

describe('most read', () => {
  it('ranks the last 24 hours’ public articles, writes and expires only when the order changed, and drops an unpublished one', async () => {
    await db.articleViewHour.deleteMany({});
    await db.mostReadEntry.deleteMany({});
    // a[3]: 30 views, but 25 of them 24 hours ago (outside); a[4] 20; a[5] 10 + 9; a[6] a draft.
    await recordViews({ views: [[a[3]!, hour - 24, 25], [a[3]!, hour, 5], [a[4]!, hour - 23, 20], [a[5]!, hour, 10], [a[5]!, hour - 5, 9], [a[6]!, hour, 100]] });
    await db.article.update({ where: { id: a[6]! }, data: { status: 'draft' } });
    const refreshes = () => db.pageRefresh.count({ where: { tags: '["most-read"]' } });
    const before = await refreshes();
    expect(await updateMostRead(now)).toBe(true);
    expect((await db.mostReadEntry.findMany({ orderBy: { rank: 'asc' } })).map((entry) => [entry.rank, entry.articleId, entry.views])).toEqual([
      [0, a[4], 20], [1, a[5], 19], [2, a[3], 5],
    ]);
    expect(await refreshes()).toBe(before + 1);
    // More views, same order: nothing written, nothing expired.
    await recordViews({ views: [[a[4]!, hour, 1]] });
    expect(await updateMostRead(now)).toBe(false);
    expect(await refreshes()).toBe(before + 1);
    expect((await loadMostRead()).map((item) => item.headline)).toEqual(['Article 4', 'Article 5', 'Article 3']);

    // Unpublishing an article in the list expires the panel at once, and it is gone from it.
    const { change } = await unpublishArticle(editor, a[5]!);
    expect(tagsForArticleChange(change!)).toContain('most-read');
    expect((await loadMostRead()).map((item) => item.headline)).toEqual(['Article 4', 'Article 3']);
    const { change: other } = await unpublishArticle(editor, a[7]!);
    expect(tagsForArticleChange(other!)).not.toContain('most-read');
  });
});

describe('the dashboard read model', () => {
  it('gives exact views per hour for the site, each section, an article, and today’s top', async () => {
    await db.articleViewHour.deleteMany({});
    // 12:30 UTC (the tests' SITE_TIMEZONE): 10:00 is today, 200 hours ago is outside the 7 days.
    const noon = new Date(Date.UTC(2026, 10, 28, 12, 30));
    const h = hourOf(noon.getTime());
    await recordViews({ views: [[a[0]!, h, 7], [a[1]!, h, 3], [a[4]!, h, 2], [a[4]!, h - 2, 6], [a[0]!, h - 200, 50], [a[2]!, h - 13, 4]] });
    const site = await siteViewsByHour(noon);
    expect(site).toHaveLength(168);
    expect(site.at(-1)).toEqual({ hour: '2026-11-28T12:00:00.000Z', views: 12 });
    expect(site[0]!.hour).toBe('2026-11-21T13:00:00.000Z');
    expect(site.at(-3)!.views).toBe(6);
    expect(site.reduce((sum, point) => sum + point.views, 0)).toBe(22);
    const sections = await sectionViewsByHour(noon);
    expect(sections.map((section) => [section.name, section.total, section.hours.at(-1)!.views])).toEqual([['World', 14, 10], ['Sport', 8, 2]]);
    expect((await articleViewsByHour(a[4]!, noon)).filter((point) => point.views).map((point) => point.views)).toEqual([6, 2]);
    // Yesterday 23:00 (a[2]) is not today.
    expect((await topArticlesToday(noon)).map((row) => [row.headline, row.sectionName, row.views])).toEqual([
      ['Article 4', 'Sport', 8], ['Article 0', 'World', 7], ['Article 1', 'World', 3],
    ]);
  });

  it('prunes hourly rows older than the days kept', async () => {
    const noon = new Date(Date.UTC(2026, 10, 28, 12, 30));
    expect(await pruneViewHours(8, noon)).toBe(1);
    expect(await db.articleViewHour.count({ where: { hour: { lt: hourOf(noon.getTime()) - 8 * 24 } } })).toBe(0);
    expect(await db.articleViewHour.count()).toBe(5);
  });
});
