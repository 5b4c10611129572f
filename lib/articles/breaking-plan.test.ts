// The breaking flag's queries run on every page's first render (the banner) and every 5 s under
// traffic (the due work): each must go straight to the few flagged articles. At 1,000,000 articles on
// SQLite the banner walked every published article newest first looking for a flag (3-5 s with
// better-sqlite3 holding the event loop, after every start and every breaking change), and the due
// work's two look-ups read the whole index (50-165 ms, every 5 s). Reads SQLite's own query plans of
// the SQL Prisma sends.
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { needs } from '@/testing/services';
import { sqlitePlans, tableSteps } from '@/testing/sqlite-plans';
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

const onFlag = (sql: string) => /^SELECT .* FROM `main`\.`Article` WHERE .*breakingUntil/.test(sql);
const byFlag = /^SEARCH (main\.)?Article USING (COVERING )?INDEX Article_breakingUntil_idx \(breakingUntil[<>]\?\)$/;

describe('the breaking flag’s query plans', needs(onPostgres() ? 'SQLite only (this run is on PostgreSQL)' : null), () => {
  it('the banner reads the flagged articles by their flag, not every published article', async () => {
    const plans = await sqlitePlans(() => getBreakingNews(), onFlag);
    expect(plans).toHaveLength(1);
    expect(tableSteps(plans[0]!.plan)).toEqual([expect.stringMatching(byFlag)]);
  });

  it('the due work finds ended flags and the next one to end by the flag', async () => {
    const plans = await sqlitePlans(async () => {
      await runDueWork(new Date());
      await nextDueTime(new Date());
    }, onFlag);
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const { sql, plan } of plans) expect(tableSteps(plan), sql).toEqual([expect.stringMatching(byFlag)]);
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
