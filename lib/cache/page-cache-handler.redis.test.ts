// The page cache in Redis, shared by instances: two handler objects stand for two app instances on
// one key prefix. What one stores the other serves; an outbox refresh carried out by one expires the
// pages on both, at one time fixed by whoever carried it out first; a render that started before
// that time is never served; and the cache is not read while it cannot be trusted (Redis unreachable,
// or refreshes pending), without waiting for Redis.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, redisMissing, redisServer } from '@/testing/services';

const redisUrl = redisServer();
const prefix = `lede-test-${randomBytes(4).toString('hex')}:`;

const missing = await redisMissing(redisUrl);

type Handler = {
  get(key: string, ctx: unknown): Promise<{ lastModified: number; value: Record<string, unknown> } | null>;
  set(key: string, value: unknown, ctx: unknown): Promise<void>;
};
type Module = {
  default: new (context: object) => Handler;
  expireShared(id: string, tags: string[]): Promise<number>;
  expireLocal(tags: string[], at: number): void;
  setOutboxState(update: { synced?: boolean; behind?: boolean }): void;
  closePageCache(): Promise<void>;
};

const page = (tags: string[], status = 200, html = '<html>é</html>') => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from([0, 1, 2, 255]),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status,
  postponed: undefined,
});
const pageCtx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

describe('page cache in Redis', needs(missing), () => {
  let cache: Module;
  let instanceA: Handler;
  let instanceB: Handler;

  beforeAll(async () => {
    process.env.REDIS_URL = redisUrl;
    process.env.REDIS_KEY_PREFIX = prefix;
    cache = (await import('@/lib/cache/page-cache-handler.mjs')) as unknown as Module;
    instanceA = new cache.default({});
    instanceB = new cache.default({});
    // What the outbox does at start: carry out what is pending (here nothing), then trust the cache.
    await cache.expireShared('warm-up', []).catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await cache.expireShared('warm-up', []);
    });
    cache.setOutboxState({ synced: true, behind: false });
  });
  afterAll(async () => {
    await cache?.closePageCache();
    const client = createClient({ url: redisUrl });
    await client.connect();
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
    if (keys.length) await client.del(keys);
    await client.quit();
  });

  it('serves on B what A stored, bytes and maps intact', async () => {
    await instanceA.get('/world/a', pageCtx);
    await instanceA.set('/world/a', page(['article:1', 'section:world']), { ...pageCtx, cacheControl: { revalidate: false, expire: undefined } });
    const entry = await instanceB.get('/world/a', pageCtx);
    expect(entry?.value.html).toBe('<html>é</html>');
    expect([...(entry?.value.rscData as Buffer)]).toEqual([0, 1, 2, 255]);
    expect((entry?.value.segmentData as Map<string, Buffer>).get('/_tree')?.toString()).toBe('tree');
  });

  it('expires on every instance the pages of a refresh carried out by one, at one time', async () => {
    await instanceA.get('/world/b', pageCtx);
    await instanceA.set('/world/b', page(['article:2', 'home']), pageCtx);
    await instanceA.get('/world/c', pageCtx);
    await instanceA.set('/world/c', page(['article:3']), pageCtx);
    await tick();
    const first = await cache.expireShared('101', ['article:2']);
    await tick();
    // Another instance carrying out the same outbox row gets the same time (and expires nothing more).
    expect(await cache.expireShared('101', ['article:2'])).toBe(first);
    expect(await instanceB.get('/world/b', pageCtx)).toBeNull();
    expect(await instanceA.get('/world/b', pageCtx)).toBeNull();
    expect(await instanceB.get('/world/c', pageCtx)).not.toBeNull();
  });

  it('never serves, on any instance, a render that started before the refresh and was stored after it', async () => {
    // A's reader misses and renders from the old state; B's editor commits and carries out the refresh.
    expect(await instanceA.get('/world/d', pageCtx)).toBeNull();
    await tick();
    const at = await cache.expireShared('102', ['section:world']);
    // This process played both parts: forget what it knows locally, so only Redis can tell.
    expect(at).toBeGreaterThan(0);
    await tick();
    await instanceA.set('/world/d', page(['section:world'], 200, 'old'), pageCtx);
    expect(await instanceB.get('/world/d', pageCtx)).toBeNull();
    await instanceB.set('/world/d', page(['section:world'], 200, 'new'), pageCtx);
    expect((await instanceA.get('/world/d', pageCtx))?.value.html).toBe('new');
  });

  it('an instance that learns of an expiry only from Redis judges a data entry by the soft tags of the page reading it', async () => {
    // This process stores a section front's list, then carries out an "everything" refresh (the root
    // layout's tag). Another process, which knows of that refresh only through Redis, reads the list
    // for a page: Next hands it the page's soft tags on get only, so only they can tell it is stale.
    const getCtx = { kind: 'FETCH', tags: ['section:world'], softTags: ['_N_T_/layout', '_N_T_/world'] };
    const key = `data-soft-${randomBytes(3).toString('hex')}`;
    expect(await instanceA.get(key, getCtx)).toBeNull();
    await instanceA.set(key, { kind: 'FETCH', data: { headers: {}, body: '"pinned"', status: 200, url: '' }, revalidate: 3600 }, { kind: 'FETCH', tags: ['section:world'], fetchCache: true });
    await tick();
    await cache.expireShared(`soft-${key}`, ['_N_T_/layout']);
    const script = `
      process.env.REDIS_URL = ${JSON.stringify(redisUrl)};
      process.env.REDIS_KEY_PREFIX = ${JSON.stringify(prefix)};
      const cache = await import(${JSON.stringify(new URL('./page-cache-handler.mjs', import.meta.url).pathname)});
      for (let attempt = 0; ; attempt += 1) {
        try { await cache.expireShared('warm-up-other', []); break; } catch (error) { if (attempt > 50) throw error; await new Promise((resolve) => setTimeout(resolve, 100)); }
      }
      cache.setOutboxState({ synced: true, behind: false });
      const handler = new cache.default({});
      const body = (entry) => entry?.value?.data?.body ?? null;
      const outsidePage = body(await handler.get(${JSON.stringify(key)}, { kind: 'FETCH', tags: ['section:world'] }));
      const forPage = body(await handler.get(${JSON.stringify(key)}, ${JSON.stringify(getCtx)}));
      console.log(JSON.stringify({ outsidePage, forPage }));
      await cache.closePageCache();
      process.exit(0);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ outsidePage: '"pinned"', forPage: null });
  });

  it('never stores a 404, and a 404 drops what the key held', async () => {
    await instanceA.get('/nowhere/x', pageCtx);
    await instanceA.set('/nowhere/x', page([], 404), pageCtx);
    expect(await instanceB.get('/nowhere/x', pageCtx)).toBeNull();
    await instanceA.set('/world/e', page(['article:5']), pageCtx);
    await instanceA.get('/world/e', pageCtx);
    await instanceA.set('/world/e', page(['article:5'], 404), pageCtx);
    expect(await instanceB.get('/world/e', pageCtx)).toBeNull();
  });

  it('is not read or written while a refresh is pending, and is again once it is carried out', async () => {
    await instanceA.get('/world/f', pageCtx);
    await instanceA.set('/world/f', page(['article:6']), pageCtx);
    cache.setOutboxState({ behind: true });
    expect(await instanceB.get('/world/f', pageCtx)).toBeNull();
    cache.setOutboxState({ behind: false });
    expect(await instanceB.get('/world/f', pageCtx)).not.toBeNull();
  });
});

describe('page cache with Redis unreachable', () => {
  it('answers misses at once, without waiting for a connection', () => {
    const script = `
      process.env.REDIS_URL = 'redis://127.0.0.1:1';
      const cache = await import(${JSON.stringify(new URL('./page-cache-handler.mjs', import.meta.url).pathname)});
      cache.setOutboxState({ synced: true, behind: false });
      const handler = new cache.default({});
      const results = [];
      for (let i = 0; i < 3; i += 1) {
        // Resolved before the event loop turns once: nothing waited on a socket.
        const waited = new Promise((resolve) => setImmediate(() => resolve('waited')));
        results.push(await Promise.race([handler.get('/x', { kind: 'APP_PAGE' }), waited]));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await handler.set('/x', { kind: 'APP_PAGE', html: '', status: 200, headers: {} }, {});
      console.log(JSON.stringify({ results, status: cache.pageCacheStatus() }));
      await cache.closePageCache();
      process.exit(0);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { results: unknown[]; status: { trusted: boolean; stored: number } };
    expect(result.results).toEqual([null, null, null]);
    expect(result.status.trusted).toBe(false);
    expect(result.status.stored).toBe(0);
  });
});
