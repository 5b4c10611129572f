// The sitemap index's reads at 1,000,000 articles: it is asked for by every crawler and rebuilt after
// every publish, so each read must use an index the way it costs least. Before: the months' count and
// latest change read every row of a month from the table (0.9-2.4 s a month on SQLite, holding the
// event loop), the first and last dates came from an aggregate over every public article (0.5 s), and
// the tags with a public article were found by walking every public article for each tag (0.7 s for 22
// tags). Reads SQLite's own plans of the SQL sent (testing/sqlite-plans.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { needs } from '@/testing/services';
import { sqlitePlans, tableSteps } from '@/testing/sqlite-plans';
import { articleSitemapEntries, sectionSitemapEntries, sitemapMonths, tagSitemapEntries, tagSitemapParts } from '@/lib/sitemaps/queries';

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'plans', name: 'Plans' } });
  const tag = await db.tag.create({ data: { slug: 'tides', name: 'Tides' } });
  await db.tag.create({ data: { slug: 'unused', name: 'Unused' } });
  await db.article.create({
    data: { slug: 'tide-tables', headline: 'Tide tables', status: 'published', publishedAt: new Date(Date.now() - 60_000), sectionId: section.id, tags: { create: { tagId: tag.id, position: 0 } } },
  });
  await db.article.create({ data: { slug: 'draft-tides', headline: 'Draft', status: 'draft', sectionId: section.id, tags: { create: { tagId: tag.id, position: 0 } } } });
});

describe('the sitemap index', () => {
  it('lists the tags with a public article, and only those', async () => {
    expect(await tagSitemapParts()).toBe(1);
    const entries = [];
    for await (const entry of tagSitemapEntries(1)) entries.push(entry.loc);
    expect(entries).toEqual([expect.stringMatching(/\/tag\/tides$/)]);
    expect((await sitemapMonths()).map((month) => month.count)).toEqual([1]);
  });
});

describe('the sitemap index’s query plans', needs(onPostgres() ? 'SQLite only (this run is on PostgreSQL)' : null), () => {
  it('each month’s count and latest change come from the index alone; the first and last dates are one look-up each', async () => {
    const plans = await sqlitePlans(() => sitemapMonths(), (sql) => /FROM `main`\.`Article`/.test(sql));
    expect(plans.some(({ sql }) => /\bMIN\(/.test(sql)), 'an aggregate MIN reads every public article').toBe(false);
    const months = plans.filter(({ sql }) => /COUNT\(\*\)/.test(sql));
    expect(months).toHaveLength(1);
    expect(tableSteps(months[0]!.plan)).toEqual([expect.stringMatching(/^SEARCH (main\.)?Article USING COVERING INDEX Article_status_publishedAt_id_modifiedAt_idx \(status=\? AND publishedAt>\? AND publishedAt<\?\)$/)]);
  });

  it('home and the fronts take their newest article’s dates: no aggregate over every public article', async () => {
    const plans = await sqlitePlans(async () => {
      for await (const entry of sectionSitemapEntries()) void entry;
    }, (sql) => /FROM `main`\.`Article`/.test(sql));
    expect(plans.length).toBeGreaterThanOrEqual(2);
    expect(plans.filter(({ sql }) => /\b(MAX|MIN|COUNT)\(/.test(sql)).map(({ sql }) => sql)).toEqual([]);
  });

  it('the tags with a public article: one seek in each tag’s public links, no article read', async () => {
    const plans = await sqlitePlans(async () => {
      await tagSitemapParts();
      for await (const entry of tagSitemapEntries(1)) void entry;
    }, (sql) => /FROM "Tag" t/.test(sql));
    expect(plans).toHaveLength(2);
    for (const { plan } of plans) {
      expect(tableSteps(plan).slice(1)).toEqual([expect.stringMatching(/^SEARCH link (EXISTS )?USING COVERING INDEX ArticleTag_tagId_publicFrom_articleId_idx \(tagId=\? AND publicFrom<\?\)$/)]);
    }
  });
});

describe('a month file’s query plans', needs(onPostgres() ? 'SQLite only (this run is on PostgreSQL)' : null), () => {
  it('each batch after the first seeks to where the last one ended: one range from the cursor, not the month read from its start', async () => {
    const section = await db.section.create({ data: { slug: 'batches', name: 'Batches' } });
    const at = new Date(Date.UTC(2025, 4, 10));
    for (let n = 0; n < 5; n++) await db.article.create({ data: { slug: `batch-${n}`, headline: `Batch ${n}`, status: 'published', publishedAt: new Date(at.getTime() + n * 60_000), sectionId: section.id } });
    const plans = await sqlitePlans(async () => {
      const entries = [];
      for await (const entry of articleSitemapEntries({ year: 2025, month: 5, part: 1 }, new Date(), { batch: 2 })) entries.push(entry.loc);
      expect(entries).toHaveLength(5);
    }, (sql) => /FROM `main`\.`Article` WHERE/.test(sql) && /ORDER BY/.test(sql));
    const keyset = plans.filter(({ sql }) => / OR |NOT/.test(sql));
    expect(keyset).toHaveLength(1);
    expect(keyset[0]!.sql).not.toMatch(/ OR /);
    expect(tableSteps(keyset[0]!.plan)).toEqual([expect.stringMatching(/^SEARCH (main\.)?Article USING INDEX Article_status_publishedAt_id_modifiedAt_idx \(status=\? AND publishedAt>\? AND publishedAt<\?\)$/)]);
  });
});
