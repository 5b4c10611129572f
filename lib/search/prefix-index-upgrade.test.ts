// The upgrade to FTS5 prefix indexes (20261128600000_search_prefix_index, docs/decisions/0027): a
// database migrated up to the one before, with articles, migrated to now. The full-text table is made
// again with prefix='2 3' and rebuilt from "Article": the same searches find the same articles in the
// same order, and the triggers keep the new index in step with every write. SQLite only (PostgreSQL's
// tsvector has no prefix index to add).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { migrationsBefore } from '@/testing/upgrade';
import { pageSql, toFtsQuery } from '@/lib/search/sqlite';

const prefixIndex = '20261128600000_search_prefix_index';

const headlines = ['Council agrees water plan', 'Coastal states weigh water deal', 'Water talks collapse', 'Committee reviews the budget', 'Opera season opens'];

/** The ids the page query returns for `words` (the last a prefix), best first. */
function search(database: Database.Database, words: string[]): number[] {
  const params = [toFtsQuery(words), 5000, Date.now() + 60_000, 100, 0];
  return database.prepare(pageSql).all(...params).map((row) => Number((row as { id: number | bigint }).id));
}

describe('upgrading the SQLite search index to prefix indexes', () => {
  it('rebuilds it with prefix=\'2 3\', finds the same articles in the same order, and its triggers keep it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-search-prefix-')), 'old.db');
    const url = `file:${file}`;
    await applyMigrations(url, { only: migrationsBefore('sqlite', prefixIndex) });
    const old = new Database(file);
    old.prepare(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('news', 'News', CURRENT_TIMESTAMP)`).run();
    const insert = old.prepare(`INSERT INTO "Article" ("slug", "headline", "bodyText", "body", "sectionId", "status", "publishedAt", "updatedAt") VALUES (?, ?, ?, '{"version":1,"blocks":[]}', 1, 'published', ?, CURRENT_TIMESTAMP)`);
    headlines.forEach((headline, index) => insert.run(`a-${index}`, headline, `Report ${index} on the ${headline.toLowerCase()}.`, Date.UTC(2026, 0, 1 + index)));
    const queries = [['co'], ['wa'], ['wat'], ['water', 'pl'], ['the'], ['re'], ['budget']];
    const before = queries.map((words) => search(old, words));
    old.close();
    // "co": Council, Coastal, collapse and Committee, all in the headline, ranked by BM25.
    expect(before[0]).toEqual([3, 4, 1, 2]);

    expect((await applyMigrations(url, { only: [...migrationsBefore('sqlite', prefixIndex), prefixIndex] })).applied).toEqual([prefixIndex]);
    const after = new Database(file);
    try {
      const definition = after.prepare(`SELECT sql FROM sqlite_master WHERE name = 'ArticleSearch'`).pluck().get() as string;
      expect(definition).toContain(`prefix='2 3'`);
      expect(queries.map((words) => search(after, words))).toEqual(before);
      // The index agrees with its content table (FTS5's own check reads every doclist, prefixes too).
      after.prepare(`INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES ('integrity-check', 1)`).run();
      // From now on the triggers: an edit, a new article and a deletion, found by their prefixes.
      after.prepare(`UPDATE "Article" SET "headline" = 'Opera house closes' WHERE "id" = 5`).run();
      after
        .prepare(`INSERT INTO "Article" ("slug", "headline", "bodyText", "body", "sectionId", "status", "publishedAt", "updatedAt") VALUES ('new', 'Zebra crossing', 'Zebras.', '{"version":1,"blocks":[]}', 1, 'published', ?, CURRENT_TIMESTAMP)`)
        .run(Date.UTC(2026, 0, 10));
      after.prepare(`DELETE FROM "Article" WHERE "id" = 3`).run();
      expect(search(after, ['ze'])).toEqual([6]);
      expect(search(after, ['clo'])).toEqual([5]);
      expect(search(after, ['wa'])).toEqual([1, 2]);
      after.prepare(`INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES ('integrity-check', 1)`).run();
    } finally {
      after.close();
    }
  });
});
