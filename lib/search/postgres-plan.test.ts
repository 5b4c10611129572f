// The PostgreSQL search queries keep bounded plans (docs/decisions/0027): the public rule is checked on
// the rows the full-text index found, never by ANDing in the (status, publishedAt) index's bitmap of
// every published article, and the ranked candidates are materialized and only the page's rows joined
// back to "Article" by key. At 218,000 articles the old page query hash-joined its candidates to every
// published article (4.8 s for a word in two articles). Reads PostgreSQL's own plans, with the
// planner told the table is large (as at a million articles) so it does not fall back to small-table plans.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { needs } from '@/testing/services';
import { countSql, pageSql } from '@/lib/search/postgres';

async function planOf(sql: string, parameters: unknown[]): Promise<string> {
  return db.$transaction(async (tx) => {
    // A seq scan of a handful of rows beats any index: forbid it so the plan shows which indexes the query lets the planner combine.
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, ...parameters);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

beforeAll(async () => {
  if (!onPostgres()) return;
  const section = await db.section.create({ data: { slug: 'plans', name: 'Plans' } });
  const rows = Array.from({ length: 300 }, (_, index) => ({ slug: `plan-${index}`, headline: `Story ${index}`, bodyText: index % 100 === 0 ? 'A narwhal.' : 'Nothing.', kicker: '', standfirst: '', status: 'published' as const, sectionId: section.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) }));
  await db.article.createMany({ data: rows });
  await db.$executeRawUnsafe('ANALYZE "Article"');
});

describe('the PostgreSQL search plans', needs(onPostgres() ? null : 'PostgreSQL only (this run is on SQLite)'), () => {
  it('count: the full-text index alone finds the rows, the public rule filters them', async () => {
    const plan = await planOf(countSql, ["'narwhal':*", new Date(), 1001]);
    expect(plan).toContain('Article_searchVector_idx');
    expect(plan).not.toContain('Article_status_publishedAt');
    expect(plan).not.toContain('BitmapAnd');
  });

  it('page: the candidates materialized and ranked first, then only the page rows read by key', async () => {
    const plan = await planOf(pageSql, ["'narwhal':*", 10, 0, 'MaxWords=24', new Date(), 5000]);
    expect(plan).toContain('CTE candidates');
    expect(plan).not.toContain('Article_status_publishedAt');
    expect(plan).not.toContain('Hash Join');
    expect(plan).toMatch(/Index Scan using "Article_pkey" on "Article" a/);
  });
});
