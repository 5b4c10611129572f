// The breaking flag's queries run on every page's first render (the banner) and every 5 s under
// traffic (the due work): each must go straight to the few flagged articles. At 1,000,000 articles on
// SQLite the banner walked every published article newest first looking for a flag (3-5 s with
// better-sqlite3 holding the event loop, after every start and every breaking change), and the due
// work's two look-ups read the whole index (50-165 ms, every 5 s). Reads SQLite's own query plans of
// the SQL Prisma sends.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { needs } from '@/testing/services';
import { getBreakingNews } from '@/lib/articles/breaking';
import { nextDueTime, runDueWork } from '@/lib/articles/scheduling/due-work';

vi.hoisted(async () => {
  // unstable_cache outside a Next server (as in lib/articles/public.test.ts): a cache that keeps nothing.
  const { AsyncLocalStorage } = await import('node:async_hooks');
  Object.assign(globalThis, {
    AsyncLocalStorage,
    __incrementalCache: { isOnDemandRevalidate: false, generateSimpleCacheKey: async (key: string) => key, get: async () => null, set: async () => undefined },
  });
});

const originalPrepare = Database.prototype.prepare;
afterEach(() => {
  Database.prototype.prepare = originalPrepare;
});

/** The SQL statements on Article that `work` makes Prisma prepare, each with SQLite's plan for it. */
async function articlePlans(work: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  const statements: string[] = [];
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    statements.push(sql);
    return originalPrepare.call(this, sql);
  } as typeof originalPrepare;
  await work();
  Database.prototype.prepare = originalPrepare;
  const onArticle = statements.filter((sql) => /^SELECT .* FROM `main`\.`Article` WHERE .*breakingUntil/.test(sql));
  return Promise.all(
    onArticle.map(async (sql) => {
      const parameters = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
      const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...parameters);
      return { sql, plan: rows.map((row) => row.detail) };
    }),
  );
}

const byFlag = /^SEARCH (main\.)?Article USING (COVERING )?INDEX Article_breakingUntil_idx \(breakingUntil[<>]\?\)$/;

describe('the breaking flag’s query plans', needs(onPostgres() ? 'SQLite only (this run is on PostgreSQL)' : null), () => {
  it('the banner reads the flagged articles by their flag, not every published article', async () => {
    const plans = await articlePlans(() => getBreakingNews());
    expect(plans).toHaveLength(1);
    expect(plans[0]!.plan.filter((step) => /^(SCAN|SEARCH) /.test(step))).toEqual([expect.stringMatching(byFlag)]);
  });

  it('the due work finds ended flags and the next one to end by the flag', async () => {
    const plans = await articlePlans(async () => {
      await runDueWork(new Date());
      await nextDueTime(new Date());
    });
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const { sql, plan } of plans) expect(plan.filter((step) => /^(SCAN|SEARCH) /.test(step)), sql).toEqual([expect.stringMatching(byFlag)]);
  });
});

describe('the breaking banner', () => {
  it('is the newest public article flagged until a time ahead, whatever the flags’ order', async () => {
    const section = await db.section.create({ data: { slug: 'bay', name: 'Bay' } });
    const now = Date.now();
    const article = (slug: string, publishedAgoMs: number, breakingForMs: number, status: 'published' | 'draft' = 'published') =>
      db.article.create({
        data: { slug, headline: `Flood ${slug}`, status, sectionId: section.id, publishedAt: new Date(now - publishedAgoMs), breakingUntil: new Date(now + breakingForMs) },
      });
    expect(await getBreakingNews()).toBeNull();
    await article('older-longer', 3_600_000, 7_200_000);
    await article('newest-shortest', 60_000, 600_000);
    await article('middle', 1_800_000, 3_600_000);
    await article('ended', 10_000, -1_000);
    await article('draft', 5_000, 7_200_000, 'draft');
    await article('dated-ahead', -60_000, 7_200_000);
    expect(await getBreakingNews()).toMatchObject({ path: '/bay/newest-shortest', headline: 'Flood newest-shortest' });
  });
});
