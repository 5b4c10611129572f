// The outbox of page refreshes: a write records its refresh in its own transaction, and whoever
// carries out the outbox (the writer at once, every instance's poller) expires exactly those tags
// in the page cache: also when the writer died between its commit and its refresh.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { carryOutPageRefreshes, recordPageRefresh } from '@/lib/cache/outbox';
import { pathTag } from '@/lib/cache/tags';
import { everythingTags, recordArticleRefresh, tagsForArticleChange } from '@/lib/cache/refresh';

delete process.env.REDIS_URL;
const cache = await import('@/lib/cache/page-cache-handler.mjs');
type Handler = { get(key: string, ctx: unknown): Promise<unknown>; set(key: string, value: unknown, ctx: unknown): Promise<void> };
const handler = new (cache.default as unknown as new (context: object) => Handler)({});
const ctx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };
const page = (tags: string[]) => ({ kind: 'APP_PAGE', html: '<p>x</p>', rscData: Buffer.from('x'), segmentData: new Map(), headers: { 'x-next-cache-tags': tags.join(',') }, status: 200 });
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

async function cached(key: string, tags: string[]): Promise<void> {
  // A render that starts in the very millisecond of an expiry counts as older than it.
  await tick();
  await handler.get(key, ctx);
  await handler.set(key, page(tags), ctx);
  expect(await handler.get(key, ctx)).not.toBeNull();
  await tick();
}

describe('outbox of page refreshes', () => {
  it('names every page an article change touches, paths as Next path tags', () => {
    const tags = tagsForArticleChange({ articleId: 7, sectionSlugs: ['world', 'europe'], tagSlugs: ['harbour'], paths: ['/world/a', '/europe/a'], breaking: true });
    expect(tags.sort()).toEqual(['_N_T_/europe/a', '_N_T_/world/a', 'article:7', 'breaking', 'feeds', 'home', 'section:europe', 'section:world', 'sitemaps', 'tag:harbour'].sort());
    expect(everythingTags).toContain('_N_T_/layout');
  });

  it('carries out a refresh committed with its write, and nothing that rolled back', async () => {
    await carryOutPageRefreshes(); // this process's cursor: after everything so far
    await cached('/world', ['section:world', 'home']);
    await cached('/sport', ['section:sport']);
    await cached('/culture', ['section:culture']);
    await db.$transaction((tx) => recordArticleRefresh(tx, { articleId: 1, sectionSlugs: ['world'], tagSlugs: [], paths: [] }));
    await db
      .$transaction(async (tx) => {
        await recordPageRefresh(tx, ['section:sport']);
        throw new Error('the write failed');
      })
      .catch(() => undefined);
    await carryOutPageRefreshes();
    expect(await handler.get('/world', ctx)).toBeNull();
    expect(await handler.get('/sport', ctx)).not.toBeNull();
    expect(await handler.get('/culture', ctx)).not.toBeNull();
  });

  it('carries out a refresh that its writer never carried out (killed after the commit)', async () => {
    await carryOutPageRefreshes();
    await cached('/world/b', ['_N_T_/world/b']);
    // Another process (an instance that died, a CLI) committed this and did nothing more.
    await db.pageRefresh.create({ data: { tags: JSON.stringify([pathTag('/world/b')]) } });
    await carryOutPageRefreshes();
    expect(await handler.get('/world/b', ctx)).toBeNull();
  });

  it('makes every instance look again for due work after a schedule made elsewhere', async () => {
    await carryOutPageRefreshes();
    const due = (globalThis as unknown as { ledeDueState?: { checkedAt: number } }).ledeDueState;
    expect(due).toBeDefined();
    due!.checkedAt = Date.now();
    await db.pageRefresh.create({ data: { tags: JSON.stringify(['schedules']) } });
    await carryOutPageRefreshes();
    expect(due!.checkedAt).toBe(0);
  });

  it("expires the resolver's answers about the pages it refreshes, and only those", async () => {
    await carryOutPageRefreshes();
    const { currentGeneration, recall, remember, slugTag } = await import('@/lib/routing/known-answers');
    remember('/world/c', { kind: 'page' }, ['article:3', slugTag('c')], currentGeneration());
    remember('/sport/c', { kind: 'moved', path: '/world/c' }, ['article:3', slugTag('c')], currentGeneration());
    remember('section:world', { kind: 'page' }, ['section:world'], currentGeneration());
    await db.pageRefresh.create({ data: { tags: JSON.stringify(['article:4', 'home']) } });
    await carryOutPageRefreshes();
    expect(recall('/world/c'), "another article's refresh keeps it").toEqual({ kind: 'page' });
    // A slug taken by another article: its refresh names the path, under its own section.
    await db.pageRefresh.create({ data: { tags: JSON.stringify([pathTag('/culture/c'), 'article:5']) } });
    await carryOutPageRefreshes();
    expect(recall('/world/c'), 'a refresh naming the slug forgets it under every section path').toBeUndefined();
    expect(recall('/sport/c')).toBeUndefined();
    expect(recall('section:world')).toEqual({ kind: 'page' });
    await db.pageRefresh.create({ data: { tags: JSON.stringify(['section:world']) } });
    await carryOutPageRefreshes();
    expect(recall('section:world')).toBeUndefined();
  });

  it('serialises concurrent runs: each row is carried out once, in order', async () => {
    await carryOutPageRefreshes();
    for (let i = 0; i < 5; i += 1) await db.pageRefresh.create({ data: { tags: JSON.stringify([`tag:n${i}`]) } });
    await Promise.all([carryOutPageRefreshes(), carryOutPageRefreshes(), carryOutPageRefreshes()]);
    await tick();
    await cached('/tag/n1', ['tag:n1']);
    // Carried out already: another run does not expire it again.
    await carryOutPageRefreshes();
    expect(await handler.get('/tag/n1', ctx)).not.toBeNull();
  });
});
