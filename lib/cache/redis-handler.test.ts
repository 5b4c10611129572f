// The shared cache: two handler instances stand for two app instances (each its own object, both on
// one Redis key prefix). What one stores the other serves; a tag expired through one is expired for
// both; 404 pages are never stored; Redis going away turns reads into misses, not errors.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const redisUrl = process.env.LEDE_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `lede-pg-test-${randomBytes(4).toString('hex')}:`;

const reachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(redisUrl);
  const socket = net.connect({ host: hostname, port: Number(port || 6379) });
  const done = (ok: boolean) => (socket.destroy(), resolve(ok));
  socket.setTimeout(1_000, () => done(false));
  socket.once('connect', () => done(true));
  socket.once('error', () => done(false));
});

type Handler = {
  get(key: string, ctx: unknown): Promise<{ lastModified: number; value: Record<string, unknown> } | null>;
  set(key: string, value: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
};

const page = (tags: string[], status = 200) => ({
  kind: 'APP_PAGE',
  html: '<html>é</html>',
  rscData: Buffer.from([0, 1, 2, 255]),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status,
  postponed: undefined,
});
const pageCtx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };

describe.skipIf(!reachable)('RedisCacheHandler', () => {
  let instanceA: Handler;
  let instanceB: Handler;
  let close: () => Promise<void>;

  beforeAll(async () => {
    process.env.REDIS_URL = redisUrl;
    process.env.REDIS_KEY_PREFIX = prefix;
    const module = await import('@/lib/cache/redis-handler.mjs');
    const Handler = module.default as unknown as new (context: object) => Handler;
    instanceA = new Handler({ revalidatedTags: [] });
    instanceB = new Handler({ revalidatedTags: [] });
    close = module.closeRedisCache;
  });
  afterAll(async () => {
    await close?.();
    const client = createClient({ url: redisUrl });
    await client.connect();
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
    if (keys.length) await client.del(keys);
    await client.quit();
  });

  it('serves on B what A stored, bytes and maps intact', async () => {
    await instanceA.set('/world/a', page(['article:1', 'section:world']), { ...pageCtx, cacheControl: { revalidate: false, expire: undefined } });
    const entry = await instanceB.get('/world/a', pageCtx);
    expect(entry?.value.html).toBe('<html>é</html>');
    expect(Buffer.isBuffer(entry?.value.rscData)).toBe(true);
    expect([...(entry?.value.rscData as Buffer)]).toEqual([0, 1, 2, 255]);
    expect((entry?.value.segmentData as Map<string, Buffer>).get('/_tree')?.toString()).toBe('tree');
  });

  it('expires on every instance the pages of a tag revalidated on one', async () => {
    await instanceA.set('/world/b', page(['article:2', 'home']), pageCtx);
    await instanceA.set('/world/c', page(['article:3']), pageCtx);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await instanceA.revalidateTag(['article:2'], { expire: 0 });
    expect(await instanceB.get('/world/b', pageCtx)).toBeNull();
    expect(await instanceA.get('/world/b', pageCtx)).toBeNull();
    expect(await instanceB.get('/world/c', pageCtx)).not.toBeNull();
    // Rendered again after the expiry: served again.
    await instanceB.set('/world/b', page(['article:2', 'home']), pageCtx);
    expect(await instanceA.get('/world/b', pageCtx)).not.toBeNull();
  });

  it('expires data cache entries (unstable_cache) by their tags too', async () => {
    const ctx = { kind: 'FETCH', tags: ['section:world'], softTags: [], fetchCache: true };
    await instanceA.set('data-key', { kind: 'FETCH', data: { headers: {}, body: '{"n":1}', status: 200, url: '' }, revalidate: 3600 }, ctx);
    expect((await instanceB.get('data-key', ctx))?.value.data).toEqual({ headers: {}, body: '{"n":1}', status: 200, url: '' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await instanceB.revalidateTag('section:world', { expire: 0 });
    expect(await instanceA.get('data-key', ctx)).toBeNull();
  });

  it('keeps a revalidateTag without immediate expiry readable (stale while revalidate)', async () => {
    await instanceA.set('/world/d', page(['article:4']), pageCtx);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await instanceA.revalidateTag('article:4', { expire: 3600 });
    expect(await instanceB.get('/world/d', pageCtx)).not.toBeNull();
  });

  it('never stores a 404, and a 404 drops what the key held', async () => {
    await instanceA.set('/nowhere/x', page([], 404), pageCtx);
    expect(await instanceB.get('/nowhere/x', pageCtx)).toBeNull();
    await instanceA.set('/world/e', page(['article:5']), pageCtx);
    await instanceA.set('/world/e', page(['article:5'], 404), pageCtx);
    expect(await instanceB.get('/world/e', pageCtx)).toBeNull();
  });

  it('keeps instances apart when their prefixes differ', async () => {
    const module = await import('@/lib/cache/redis-handler.mjs');
    process.env.REDIS_KEY_PREFIX = `${prefix}other:`;
    const other = new (module.default as unknown as new (context: object) => Handler)({ revalidatedTags: [] });
    process.env.REDIS_KEY_PREFIX = prefix;
    expect(await other.get('/world/a', pageCtx)).toBeNull();
  });
});

describe('RedisCacheHandler without Redis', () => {
  it('answers misses instead of failing', async () => {
    const script = `
      process.env.REDIS_URL = 'redis://127.0.0.1:1';
      const { default: Handler, closeRedisCache } = await import(${JSON.stringify(new URL('./redis-handler.mjs', import.meta.url).pathname)});
      const handler = new Handler({});
      const started = Date.now();
      const value = await handler.get('/x', { kind: 'APP_PAGE' });
      await handler.set('/x', { kind: 'APP_PAGE', html: '', status: 200, headers: {} }, {});
      console.log(JSON.stringify({ value, ms: Date.now() - started }));
      await closeRedisCache();
      process.exit(0);`;
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.value).toBeNull();
    expect(result.ms).toBeLessThan(5_000);
  });
});

if (!reachable) console.warn(`[redis-handler.test] SKIPPED the shared-cache tests: no Redis answers at ${redisUrl}`);
