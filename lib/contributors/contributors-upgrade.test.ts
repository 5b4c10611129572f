// The upgrade as a site lives it: a database migrated by the Lede before contributors, holding
// articles with free-text bylines (one of two names with a place, one agency credit, one empty, two by
// the same reporter), is migrated to now (20261128300000_contributors moves each byline into
// "ArticleBylineText" and drops the column), then converted at start by a child process, as `npm start`
// does. On SQLite always, and on PostgreSQL when a server answers. Nothing is left waiting, each
// byline's names are contributors in its order, and a name is one contributor however often it appears.
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
import { migrationsBefore, runChildAt } from '@/testing/upgrade';

const missingPostgres = await postgresMissing();
const contributorsMigration = '20261128300000_contributors';
const before = (provider: 'sqlite' | 'postgresql') => migrationsBefore(provider, contributorsMigration);

const bylines = ['By Sara Ahmadi and Tom Li in Cairo', 'Reuters', '', 'Tom Li'];

function convertAt(url: string): string {
  return runChildAt('testing/convert-bylines-child.ts', url).split('\n').at(-1)!;
}

const bylineQuery = `SELECT a."slug", c."name", c."slug" AS "contributor", ac."position" FROM "ArticleContributor" ac
  JOIN "Article" a ON a."id" = ac."articleId" JOIN "Contributor" c ON c."id" = ac."contributorId" ORDER BY a."id", ac."position"`;
const expected = [
  { slug: 'story-0', name: 'Sara Ahmadi', contributor: 'sara-ahmadi', position: 0 },
  { slug: 'story-0', name: 'Tom Li', contributor: 'tom-li', position: 1 },
  { slug: 'story-1', name: 'Reuters', contributor: 'reuters', position: 0 },
  { slug: 'story-3', name: 'Tom Li', contributor: 'tom-li', position: 0 },
];
const converted = JSON.stringify({ articles: 3, contributorsMade: 3, placesDropped: 1 });
const nothingLeft = JSON.stringify({ articles: 0, contributorsMade: 0, placesDropped: 0 });

describe('upgrading a database from before contributors', () => {
  it('SQLite: the migration sets the bylines aside, the converter makes contributors in order, nothing waits after', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-bylines-upgrade-')), 'old.db');
    const url = `file:${file}`;
    await applyMigrations(url, { only: before('sqlite') });
    const old = new Database(file);
    old.prepare(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', CURRENT_TIMESTAMP)`).run();
    const insert = old.prepare(`INSERT INTO "Article" ("slug", "headline", "byline", "sectionId", "updatedAt") VALUES (?, ?, ?, 1, CURRENT_TIMESTAMP)`);
    bylines.forEach((byline, index) => insert.run(`story-${index}`, `Story ${index}`, byline));
    old.close();

    expect((await applyMigrations(url)).applied).toContain(contributorsMigration);
    const migrated = new Database(file);
    expect(migrated.prepare(`SELECT "articleId", "byline" FROM "ArticleBylineText" ORDER BY "articleId"`).all()).toEqual([
      { articleId: 1, byline: bylines[0] },
      { articleId: 2, byline: bylines[1] },
      { articleId: 4, byline: bylines[3] },
    ]);
    expect((migrated.prepare(`SELECT "name" FROM pragma_table_info('Article')`).all() as { name: string }[]).map((column) => column.name)).not.toContain('byline');
    migrated.close();

    expect(convertAt(url)).toBe(converted);
    const after = new Database(file);
    expect(after.prepare(bylineQuery).all()).toEqual(expected);
    expect(after.prepare(`SELECT count(*) AS "waiting" FROM "ArticleBylineText"`).get()).toEqual({ waiting: 0 });
    after.close();
    // A second start has nothing to do.
    expect(convertAt(url)).toBe(nothingLeft);
  });

  it('PostgreSQL: the same upgrade', needs(missingPostgres), async () => {
    const url = withDatabase(postgresServer(), `lede_bylines_${randomBytes(4).toString('hex')}`);
    await createDatabase(url);
    try {
      await applyMigrations(url, { only: before('postgresql') });
      const old = new pg.Client({ connectionString: url });
      await old.connect();
      await old.query(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', now())`);
      for (const [index, byline] of bylines.entries()) {
        await old.query(`INSERT INTO "Article" ("slug", "headline", "byline", "sectionId", "updatedAt") VALUES ($1, $2, $3, 1, now())`, [`story-${index}`, `Story ${index}`, byline]);
      }
      await old.end();

      expect((await applyMigrations(url)).applied).toContain(contributorsMigration);
      expect(convertAt(url)).toBe(converted);
      const after = new pg.Client({ connectionString: url });
      await after.connect();
      try {
        expect((await after.query(bylineQuery)).rows).toEqual(expected);
        expect((await after.query(`SELECT count(*)::int AS "waiting" FROM "ArticleBylineText"`)).rows).toEqual([{ waiting: 0 }]);
        expect((await after.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Article' AND column_name = 'byline'`)).rows).toEqual([]);
      } finally {
        await after.end();
      }
      expect(convertAt(url)).toBe(nothingLeft);
    } finally {
      await dropDatabase(url);
    }
  });
});
