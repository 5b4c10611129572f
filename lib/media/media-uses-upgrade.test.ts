// The upgrade to the MediaUse index as a site lives it: a database migrated up to the fronts, with
// articles whose bodies show pictures and videos and whose lead media is set (and one body naming media
// deleted long ago), migrated to now. 20261128500000_media_uses fills the index from what is there, and
// its triggers keep it from then on. On SQLite always, and on PostgreSQL when a server answers.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/postgres';
import { needs, postgresMissing, postgresServer } from '@/testing/services';
import { migrationsBefore } from '@/testing/upgrade';

const missingPostgres = await postgresMissing();
const mediaUses = '20261128500000_media_uses';
const before = (provider: 'sqlite' | 'postgresql') => migrationsBefore(provider, mediaUses);

const body = (...blocks: object[]) => JSON.stringify({ version: 1, blocks });
const picture = (mediaId: number) => ({ type: 'picture', mediaId, alt: 'A harbour', caption: '', credit: '' });
const video = (mediaId: number) => ({ type: 'video', mediaId, caption: '', credit: '' });
const words = { type: 'paragraph', content: [{ type: 'text', text: 'Words' }] };

// Media 1 and 2 are pictures, 3 a video. Article 1: lead 1, body picture 2 (twice) and video 3.
// Article 2: body naming media 99, deleted long ago (no use to record). Article 3: no media.
const articles: [string, string, number | null][] = [
  ['rich', body(words, picture(2), picture(2), video(3)), 1],
  ['stale', body(picture(99), words), null],
  ['plain', body(words), null],
];
const expected = [
  { mediaId: 1, articleId: 1, kind: 'lead' },
  { mediaId: 2, articleId: 1, kind: 'picture' },
  { mediaId: 3, articleId: 1, kind: 'video' },
];
const listUses = `SELECT "mediaId", "articleId", "kind"::text AS "kind" FROM "MediaUse" ORDER BY "mediaId", "articleId", "kind"`;

describe('upgrading to the MediaUse index', () => {
  it('SQLite: the migration fills the index from the bodies and lead media there, and the triggers keep it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-media-uses-')), 'old.db');
    const url = `file:${file}`;
    await applyMigrations(url, { only: before('sqlite') });
    const old = new Database(file);
    old.prepare(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', CURRENT_TIMESTAMP)`).run();
    for (const [n, kind] of [[1, 'image'], [2, 'image'], [3, 'video']] as const) {
      old.prepare(`INSERT INTO "Media" ("kind", "path", "mimeType") VALUES (?, ?, ?)`).run(kind, `old/${n}`, kind === 'video' ? 'video/mp4' : 'image/jpeg');
    }
    const insert = old.prepare(`INSERT INTO "Article" ("slug", "headline", "body", "sectionId", "leadMediaId", "updatedAt") VALUES (?, ?, ?, 1, ?, CURRENT_TIMESTAMP)`);
    for (const [slug, text, lead] of articles) insert.run(slug, slug, text, lead);
    old.close();

    // Up to this migration only: later ones (20261128600000_search_prefix_index) are not what is tested here.
    expect((await applyMigrations(url, { only: [...before('sqlite'), mediaUses] })).applied).toEqual([mediaUses]);
    const after = new Database(file);
    try {
      expect(after.prepare(listUses.replace('::text', '')).all()).toEqual(expected);
      // From now on the triggers: a new body, and the lead media taken away.
      after.prepare(`UPDATE "Article" SET "body" = ?, "leadMediaId" = NULL WHERE "id" = 1`).run(body(video(3)));
      expect(after.prepare(listUses.replace('::text', '')).all()).toEqual([{ mediaId: 3, articleId: 1, kind: 'video' }]);
      // The foreign key: no use of media that does not exist.
      expect(() => after.prepare(`UPDATE "Article" SET "body" = ? WHERE "id" = 3`).run(body(picture(98)))).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      after.close();
    }
  });

  it('PostgreSQL: the same upgrade', needs(missingPostgres), async () => {
    const url = withDatabase(postgresServer(), `lede_media_uses_${randomBytes(4).toString('hex')}`);
    await createDatabase(url);
    try {
      await applyMigrations(url, { only: before('postgresql') });
      const old = new pg.Client({ connectionString: url });
      await old.connect();
      await old.query(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', now())`);
      await old.query(`INSERT INTO "Media" ("kind", "path", "mimeType") VALUES ('image', 'old/1', 'image/jpeg'), ('image', 'old/2', 'image/jpeg'), ('video', 'old/3', 'video/mp4')`);
      for (const [slug, text, lead] of articles) {
        await old.query(`INSERT INTO "Article" ("slug", "headline", "body", "sectionId", "leadMediaId", "updatedAt") VALUES ($1, $1, $2::jsonb, 1, $3, now())`, [slug, text, lead]);
      }
      await old.end();

      expect((await applyMigrations(url, { only: [...before('postgresql'), mediaUses] })).applied).toEqual([mediaUses]);
      const after = new pg.Client({ connectionString: url });
      await after.connect();
      try {
        expect((await after.query(listUses)).rows).toEqual(expected);
        await after.query(`UPDATE "Article" SET "body" = $1::jsonb, "leadMediaId" = NULL WHERE "id" = 1`, [body(video(3))]);
        expect((await after.query(listUses)).rows).toEqual([{ mediaId: 3, articleId: 1, kind: 'video' }]);
        await expect(after.query(`UPDATE "Article" SET "body" = $1::jsonb WHERE "id" = 3`, [body(picture(98))])).rejects.toThrow(/MediaUse_mediaId_fkey/);
      } finally {
        await after.end();
      }
    } finally {
      await dropDatabase(url);
    }
  });
});
