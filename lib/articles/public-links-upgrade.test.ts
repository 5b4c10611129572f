// The upgrade to the links' public time (decision 0029) as a site lives it: a database migrated up to
// the migration before it, with published, draft, scheduled and dated-ahead articles carrying tags and
// bylines, migrated to it. 20261129020000_public_links fills "publicFrom" from what is there, and its
// triggers keep it from then on. On SQLite always, and on PostgreSQL when a server answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { needs, postgresMissing } from '@/testing/services';
import { migrationsBefore, withOldPostgres } from '@/testing/upgrade';

const missingPostgres = await postgresMissing();
const publicLinks = '20261129020000_public_links';
const before = (provider: 'sqlite' | 'postgresql') => migrationsBefore(provider, publicLinks);

const past = '2026-03-01T10:00:00.000Z';
const ahead = '2099-01-01T00:00:00.000Z';
// [slug, status, publishedAt]: each tagged and bylined; only "out" and "ahead" are public-dated, and
// only "out" is published in the past.
const articles: [string, string, string | null][] = [
  ['out', 'published', past],
  ['draft', 'draft', null],
  ['waiting', 'scheduled', ahead],
  ['ahead', 'published', ahead],
];
const expected = [
  { articleId: 1, publicFrom: past },
  { articleId: 2, publicFrom: null },
  { articleId: 3, publicFrom: null },
  { articleId: 4, publicFrom: ahead },
];
const asIso = (rows: { articleId: number; publicFrom: string | Date | null }[]) =>
  rows.map(({ articleId, publicFrom }) => ({ articleId, publicFrom: publicFrom === null ? null : new Date(publicFrom).toISOString() }));
const listLinks = (table: 'ArticleTag' | 'ArticleContributor') => `SELECT "articleId", "publicFrom" FROM "${table}" ORDER BY "articleId"`;

describe('upgrading to the links’ public time', () => {
  it('SQLite: the migration fills it from the articles there, and the triggers keep it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-public-links-')), 'old.db');
    const url = `file:${file}`;
    await applyMigrations(url, { only: before('sqlite') });
    const old = new Database(file);
    old.prepare(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', CURRENT_TIMESTAMP)`).run();
    old.prepare(`INSERT INTO "Tag" ("slug", "name") VALUES ('harbour', 'Harbour')`).run();
    old.prepare(`INSERT INTO "Contributor" ("slug", "name", "updatedAt") VALUES ('ana', 'Ana', CURRENT_TIMESTAMP)`).run();
    const insert = old.prepare(`INSERT INTO "Article" ("slug", "headline", "status", "publishedAt", "sectionId", "updatedAt") VALUES (?, ?, ?, ?, 1, CURRENT_TIMESTAMP)`);
    // Dates as Prisma writes them on SQLite.
    for (const [slug, status, publishedAt] of articles) insert.run(slug, slug, status, publishedAt?.replace('Z', '+00:00') ?? null);
    for (let id = 1; id <= articles.length; id++) {
      old.prepare(`INSERT INTO "ArticleTag" ("articleId", "tagId", "position") VALUES (?, 1, 0)`).run(id);
      old.prepare(`INSERT INTO "ArticleContributor" ("articleId", "contributorId", "position") VALUES (?, 1, 0)`).run(id);
    }
    old.close();

    expect((await applyMigrations(url, { only: [...before('sqlite'), publicLinks] })).applied).toEqual([publicLinks]);
    const after = new Database(file);
    try {
      for (const table of ['ArticleTag', 'ArticleContributor'] as const) {
        expect(asIso(after.prepare(listLinks(table)).all() as never), table).toEqual(expected);
      }
      // From now on the triggers: "out" unpublished, the draft published, a new link on a published article.
      after.prepare(`UPDATE "Article" SET "status" = 'draft' WHERE "id" = 1`).run();
      after.prepare(`UPDATE "Article" SET "status" = 'published', "publishedAt" = ? WHERE "id" = 2`).run(past.replace('Z', '+00:00'));
      after.prepare(`INSERT INTO "Tag" ("slug", "name") VALUES ('tides', 'Tides')`).run();
      after.prepare(`INSERT INTO "ArticleTag" ("articleId", "tagId", "position") VALUES (2, 2, 1)`).run();
      expect(asIso(after.prepare(`SELECT "articleId", "publicFrom" FROM "ArticleTag" WHERE "articleId" <= 2 ORDER BY "articleId", "tagId"`).all() as never)).toEqual([
        { articleId: 1, publicFrom: null },
        { articleId: 2, publicFrom: past },
        { articleId: 2, publicFrom: past },
      ]);
      expect(asIso(after.prepare(`SELECT "articleId", "publicFrom" FROM "ArticleContributor" WHERE "articleId" <= 2 ORDER BY "articleId"`).all() as never)).toEqual([
        { articleId: 1, publicFrom: null },
        { articleId: 2, publicFrom: past },
      ]);
    } finally {
      after.close();
    }
  });

  it('PostgreSQL: the same upgrade', needs(missingPostgres), async () => {
    await withOldPostgres('lede_public_links', before('postgresql'), async (url, old) => {
      await old.query(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', now())`);
      await old.query(`INSERT INTO "Tag" ("slug", "name") VALUES ('harbour', 'Harbour')`);
      await old.query(`INSERT INTO "Contributor" ("slug", "name", "updatedAt") VALUES ('ana', 'Ana', now())`);
      for (const [slug, status, publishedAt] of articles) {
        await old.query(`INSERT INTO "Article" ("slug", "headline", "status", "publishedAt", "sectionId", "updatedAt") VALUES ($1, $1, $2::"ArticleStatus", $3::timestamptz AT TIME ZONE 'UTC', 1, now())`, [slug, status, publishedAt]);
      }
      for (let id = 1; id <= articles.length; id++) {
        await old.query(`INSERT INTO "ArticleTag" ("articleId", "tagId", "position") VALUES ($1, 1, 0)`, [id]);
        await old.query(`INSERT INTO "ArticleContributor" ("articleId", "contributorId", "position") VALUES ($1, 1, 0)`, [id]);
      }

      expect((await applyMigrations(url, { only: [...before('postgresql'), publicLinks] })).applied).toEqual([publicLinks]);
      // TIMESTAMP(3) holds UTC without a zone: read it as text and add the zone.
      const utc = (rows: { articleId: number; publicFrom: string | null }[]) => asIso(rows.map((row) => ({ ...row, publicFrom: row.publicFrom && `${row.publicFrom}Z` })));
      const list = (table: string, where = '') =>
        old.query<{ articleId: number; publicFrom: string | null }>(`SELECT "articleId", to_char("publicFrom", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "publicFrom" FROM "${table}" ${where} ORDER BY "articleId", 2`);
      for (const table of ['ArticleTag', 'ArticleContributor']) expect(utc((await list(table)).rows), table).toEqual(expected);
      await old.query(`UPDATE "Article" SET "status" = 'draft' WHERE "id" = 1`);
      await old.query(`UPDATE "Article" SET "status" = 'published', "publishedAt" = $1::timestamptz AT TIME ZONE 'UTC' WHERE "id" = 2`, [past]);
      await old.query(`INSERT INTO "Tag" ("slug", "name") VALUES ('tides', 'Tides')`);
      await old.query(`INSERT INTO "ArticleTag" ("articleId", "tagId", "position") VALUES (2, 2, 1)`);
      expect(utc((await list('ArticleTag', 'WHERE "articleId" <= 2')).rows)).toEqual([
        { articleId: 1, publicFrom: null },
        { articleId: 2, publicFrom: past },
        { articleId: 2, publicFrom: past },
      ]);
      expect(utc((await list('ArticleContributor', 'WHERE "articleId" <= 2')).rows)).toEqual([
        { articleId: 1, publicFrom: null },
        { articleId: 2, publicFrom: past },
      ]);
    });
  });
});
