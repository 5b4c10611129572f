// The SQLite search queries are driven by the full-text index, each match's article then looked up by
// its key: never the other way round, which at 1,000,000 articles made one search take 25-100 s while
// better-sqlite3 held the event loop (lib/search/sqlite.ts). Reads SQLite's own query plans.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { needs } from '@/testing/services';
import { sqlitePlans, tableSteps } from '@/testing/sqlite-plans';
import { searchArticles } from '@/lib/search';
import { countSql, pageSql } from '@/lib/search/sqlite';

async function planOf(sql: string, parameters: unknown[]): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...parameters);
  return rows.map((row) => row.detail);
}


describe('the SQLite search plans', needs(onPostgres() ? 'SQLite only (this run is on PostgreSQL)' : null), () => {
  it('count: the full-text matches first, each article by its key', async () => {
    const steps = tableSteps(await planOf(countSql, ['"walrus"*', new Date(), 1001]));
    expect(steps[0]).toMatch(/^SCAN ArticleSearch VIRTUAL TABLE/);
    expect(steps.slice(1)).toEqual(['SEARCH a USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('page: the newest candidates first, each article by its key', async () => {
    const steps = tableSteps(await planOf(pageSql, ['"walrus"*', 5000, new Date(), 10, 0]));
    expect(steps[0]).toMatch(/^SCAN ArticleSearch VIRTUAL TABLE/);
    expect(steps.slice(1)).toEqual(['SCAN c', 'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('a search asks the full-text index twice, the count and the ranked page: the passages are cut from the bodies', async () => {
    // snippet() needed a MATCH of its own, which FTS5 ran again for each of the page's ids: with a
    // prefix of four letters or more, every word it starts merged in memory ten times over (842 ms for
    // "minister said" at 1,000,000 articles, docs/benchmarks.md "Search").
    const section = await db.section.create({ data: { slug: 'plan-walrus', name: 'Plan walrus' } });
    await db.article.create({ data: { slug: 'plan-walrus', headline: 'Plan walrus', bodyText: 'A walrus was seen.', kicker: '', standfirst: '', status: 'published', sectionId: section.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) } });
    let hits: Awaited<ReturnType<typeof searchArticles>>['hits'] = [];
    const statements = await sqlitePlans(async () => {
      hits = (await searchArticles('walrus')).hits;
    }, (sql) => sql.includes('"ArticleSearch"'));
    expect(statements.map((statement) => statement.sql)).toEqual([countSql, pageSql]);
    expect(hits.map((hit) => hit.snippet)).toEqual(['A <mark>walrus</mark> was seen.']);
  });
});
