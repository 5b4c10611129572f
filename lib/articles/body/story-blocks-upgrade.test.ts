// The upgrade as a site lives it: a database migrated by the Lede before blocks, holding an HTML body,
// an empty one and a revision whose snapshot holds HTML, is migrated to now (20261128100000_story_blocks
// moves the HTML out of "Article" into "ArticleBodyHtml" and lists the revision in "RevisionBodyHtml"),
// then converted at start by a child process, as `npm start` does. On SQLite always, and on PostgreSQL
// when a server answers. Nothing is left waiting and the text is the same before and after.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { bodyToText } from '@/lib/articles/body/html-text';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { bodyPlainText } from '@/lib/articles/body/text';
import { applyMigrations } from '@/lib/db/migrate';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/postgres';
import { needs, postgresMissing, postgresServer } from '@/testing/services';
import { migrationsBefore, runChildAt } from '@/testing/upgrade';

const missingPostgres = await postgresMissing();
const storyBlocks = '20261128100000_story_blocks';
const before = (provider: 'sqlite' | 'postgresql') => migrationsBefore(provider, storyBlocks);

const html = '<h2>Background</h2><p>The <strong>storm</strong> hit <a href="https://example.org/storm">the coast</a> &amp; the port.</p><ul><li>Roads closed</li></ul>';
const normalised = (text: string) => text.replace(/\s+/g, '');

/** Runs the converter in a child process against `url`, as a start does; returns what it printed. */
function convertAt(url: string): string {
  return runChildAt('testing/convert-child.ts', url);
}

type Row = { body: unknown; bodyText: string; wordCount: number };

function expectConverted(rows: Row[], snapshotBody: unknown) {
  const [rich, empty] = rows;
  const document = bodyDocumentSchema.parse(typeof rich!.body === 'string' ? JSON.parse(rich!.body) : rich!.body);
  expect(document.blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'list']);
  expect(normalised(bodyPlainText(document))).toBe(normalised(bodyToText(html)));
  expect(rich!.bodyText).toBe(bodyPlainText(document));
  expect(rich!.wordCount).toBe(10);
  const emptyBody = typeof empty!.body === 'string' ? JSON.parse(empty!.body) : empty!.body;
  expect([emptyBody, empty!.bodyText, empty!.wordCount]).toEqual([{ version: 1, blocks: [] }, '', 0]);
  expect(bodyDocumentSchema.safeParse(typeof snapshotBody === 'string' ? JSON.parse(snapshotBody) : snapshotBody).success).toBe(true);
}

describe('upgrading a database from before blocks', () => {
  it('SQLite: the migration sets the HTML aside, the converter turns it into blocks, nothing waits after', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-upgrade-')), 'old.db');
    const url = `file:${file}`;
    await applyMigrations(url, { only: before('sqlite') });
    const old = new Database(file);
    old.prepare(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', CURRENT_TIMESTAMP)`).run();
    const insert = old.prepare(`INSERT INTO "Article" ("slug", "headline", "body", "bodyText", "sectionId", "updatedAt") VALUES (?, ?, ?, ?, 1, CURRENT_TIMESTAMP)`);
    insert.run('rich', 'Rich', html, bodyToText(html));
    insert.run('empty', 'Empty', '', '');
    old.prepare(`INSERT INTO "Revision" ("articleId", "version", "snapshot") VALUES (1, 1, ?)`).run(JSON.stringify({ headline: 'Rich', body: html, tags: [] }));
    old.prepare(`INSERT INTO "Revision" ("articleId", "version", "snapshot") VALUES (2, 1, ?)`).run(JSON.stringify({ headline: 'Empty', body: { version: 1, blocks: [] }, tags: [] }));
    old.close();

    expect((await applyMigrations(url)).applied).toContain(storyBlocks);
    const migrated = new Database(file);
    expect(migrated.prepare(`SELECT "articleId", "html" FROM "ArticleBodyHtml"`).all()).toEqual([{ articleId: 1, html }]);
    expect(migrated.prepare(`SELECT "revisionId" FROM "RevisionBodyHtml"`).all()).toEqual([{ revisionId: 1 }]);
    migrated.close();

    expect(convertAt(url)).toBe(JSON.stringify({ articles: 1, revisions: 1, droppedPictures: 0 }));
    const after = new Database(file);
    const rows = after.prepare(`SELECT "body", "bodyText", "wordCount" FROM "Article" ORDER BY "id"`).all() as Row[];
    const snapshot = JSON.parse((after.prepare(`SELECT "snapshot" FROM "Revision" WHERE "id" = 1`).get() as { snapshot: string }).snapshot);
    expectConverted(rows, snapshot.body);
    expect(after.prepare(`SELECT (SELECT count(*) FROM "ArticleBodyHtml") AS "articles", (SELECT count(*) FROM "RevisionBodyHtml") AS "revisions"`).get()).toEqual({ articles: 0, revisions: 0 });
    // Search found the converted text (the FTS5 trigger re-indexed the row).
    expect(after.prepare(`SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'storm'`).all()).toEqual([{ rowid: 1 }]);
    after.close();
    // A second start has nothing to do.
    expect(convertAt(url)).toBe(JSON.stringify({ articles: 0, revisions: 0, droppedPictures: 0 }));
  });

  it('PostgreSQL: the same upgrade', needs(missingPostgres), async () => {
    const url = withDatabase(postgresServer(), `lede_upgrade_${randomBytes(4).toString('hex')}`);
    await createDatabase(url);
    try {
      await applyMigrations(url, { only: before('postgresql') });
      const old = new pg.Client({ connectionString: url });
      await old.connect();
      await old.query(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', now())`);
      await old.query(`INSERT INTO "Article" ("slug", "headline", "body", "bodyText", "sectionId", "updatedAt") VALUES ('rich', 'Rich', $1, $2, 1, now()), ('empty', 'Empty', '', '', 1, now())`, [html, bodyToText(html)]);
      await old.query(`INSERT INTO "Revision" ("articleId", "version", "snapshot") VALUES (1, 1, $1), (2, 1, $2)`, [
        JSON.stringify({ headline: 'Rich', body: html, tags: [] }),
        JSON.stringify({ headline: 'Empty', body: { version: 1, blocks: [] }, tags: [] }),
      ]);
      await old.end();

      expect((await applyMigrations(url)).applied).toContain(storyBlocks);
      expect(convertAt(url)).toBe(JSON.stringify({ articles: 1, revisions: 1, droppedPictures: 0 }));
      const after = new pg.Client({ connectionString: url });
      await after.connect();
      try {
        const rows = (await after.query<Row>(`SELECT "body", "bodyText", "wordCount" FROM "Article" ORDER BY "id"`)).rows;
        const snapshot = (await after.query<{ snapshot: { body: unknown } }>(`SELECT "snapshot" FROM "Revision" WHERE "id" = 1`)).rows[0]!.snapshot;
        expectConverted(rows, snapshot.body);
        expect((await after.query(`SELECT (SELECT count(*)::int FROM "ArticleBodyHtml") AS "articles", (SELECT count(*)::int FROM "RevisionBodyHtml") AS "revisions"`)).rows).toEqual([{ articles: 0, revisions: 0 }]);
        expect((await after.query(`SELECT "id" FROM "Article" WHERE "searchVector" @@ to_tsquery('lede_search', 'storm')`)).rows).toEqual([{ id: 1 }]);
      } finally {
        await after.end();
      }
    } finally {
      await dropDatabase(url);
    }
  });
});
