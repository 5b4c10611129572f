// The page cache in this process's memory (no REDIS_URL): entries carry the time their render
// started, so a render that read the database before a change and is stored after the change's
// expiry is never served (the race that left home and section fronts stale for good).
import { afterEach, describe, expect, it } from 'vitest';

delete process.env.REDIS_URL;
const module = await import('@/lib/cache/page-cache-handler.mjs');
type Handler = {
  get(key: string, ctx: unknown): Promise<{ lastModified: number; value: Record<string, unknown> } | null>;
  set(key: string, value: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
const handler = new (module.default as unknown as new (context: object) => Handler)({});
const { expireLocal } = module;

const page = (tags: string[], html = '<html>page</html>', status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('rsc'),
  segmentData: new Map(),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status,
  postponed: undefined,
});
const pageCtx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
let n = 0;
const key = () => `/world/${++n}`;

describe('page cache in memory', () => {
  afterEach(tick);

  it('serves what it stored', async () => {
    const k = key();
    expect(await handler.get(k, pageCtx)).toBeNull();
    await handler.set(k, page(['home']), pageCtx);
    expect((await handler.get(k, pageCtx))?.value.html).toBe('<html>page</html>');
  });

  it('never serves a render that started before an expiry of its tags, though stored after it', async () => {
    const k = key();
    // A reader's request misses and its render reads the database (the old state)...
    expect(await handler.get(k, pageCtx)).toBeNull();
    await tick();
    // ...the editor's change commits and its refresh expires the page's tags...
    expireLocal(['section:world'], Date.now());
    await tick();
    // ...then the old render is stored. It must not be served as fresh.
    await handler.set(k, page(['section:world', 'home'], '<html>old</html>'), pageCtx);
    expect(await handler.get(k, pageCtx)).toBeNull();
    // The render that this miss starts reads the new state and is served.
    await tick();
    await handler.set(k, page(['section:world', 'home'], '<html>new</html>'), pageCtx);
    expect((await handler.get(k, pageCtx))?.value.html).toBe('<html>new</html>');
  });

  it('serves the first render after an expiry of a page that was read many times before it', async () => {
    const k = key();
    await handler.get(k, pageCtx);
    await handler.set(k, page(['section:hot'], '<html>v1</html>'), pageCtx);
    for (let i = 0; i < 3; i += 1) expect(await handler.get(k, pageCtx)).not.toBeNull();
    await tick();
    expireLocal(['section:hot'], Date.now());
    await tick();
    expect(await handler.get(k, pageCtx)).toBeNull();
    await handler.set(k, page(['section:hot'], '<html>v2</html>'), pageCtx);
    // One render, not two: the reads before the expiry do not date it.
    expect((await handler.get(k, pageCtx))?.value.html).toBe('<html>v2</html>');
  });

  it('expires every stored entry that carries an expired tag, and only those', async () => {
    const [a, b] = [key(), key()];
    await handler.get(a, pageCtx);
    await handler.set(a, page(['article:1', 'home']), pageCtx);
    await handler.get(b, pageCtx);
    await handler.set(b, page(['article:2']), pageCtx);
    await tick();
    await handler.revalidateTag('article:1');
    expect(await handler.get(a, pageCtx)).toBeNull();
    expect(await handler.get(b, pageCtx)).not.toBeNull();
  });

  it('keeps a served entry as stale as it was when Next stores it again after a failed render', async () => {
    const k = key();
    await handler.get(k, pageCtx);
    await handler.set(k, page(['tag:x'], '<html>v1</html>'), pageCtx);
    const served = await handler.get(k, pageCtx);
    await tick();
    expireLocal(['tag:x'], Date.now());
    await tick();
    // Next's response cache re-stores the previous value when the revalidating render throws.
    expect(await handler.get(k, pageCtx)).toBeNull();
    await handler.set(k, served!.value, { ...pageCtx, cacheControl: { revalidate: 3 } });
    expect(await handler.get(k, pageCtx)).toBeNull();
  });

  it('stamps data entries (unstable_cache) with the start of their own read', async () => {
    const ctx = { kind: 'FETCH', tags: ['section:world'], softTags: [], fetchCache: true };
    const fetchCtx = { ...ctx };
    const k = `data-${key()}`;
    expect(await handler.get(k, ctx)).toBeNull();
    await tick();
    expireLocal(['section:world'], Date.now());
    await tick();
    await handler.set(k, { kind: 'FETCH', data: { headers: {}, body: '"old"', status: 200, url: '' }, revalidate: 3600 }, fetchCtx);
    expect(await handler.get(k, ctx)).toBeNull();
    await tick();
    await handler.set(k, { kind: 'FETCH', data: { headers: {}, body: '"new"', status: 200, url: '' }, revalidate: 3600 }, fetchCtx);
    expect(((await handler.get(k, ctx))?.value.data as { body: string }).body).toBe('"new"');
  });

  it('judges a data entry by the soft tags of the page reading it: the "everything" refresh expires the root layout\'s', async () => {
    // As Next calls it for unstable_cache: the soft tags (the page's implicit tags) on get only, never on set.
    const soft = ['_N_T_/layout', '_N_T_/[section]/layout', '_N_T_/[section]/page', '_N_T_/world'];
    const getCtx = { kind: 'FETCH', tags: ['section:world', 'front:world'], softTags: soft };
    const setCtx = { kind: 'FETCH', tags: ['section:world', 'front:world'], fetchCache: true };
    const k = `data-${key()}`;
    expect(await handler.get(k, getCtx)).toBeNull();
    await handler.set(k, { kind: 'FETCH', data: { headers: {}, body: '"pinned"', status: 200, url: '' }, revalidate: 3600 }, setCtx);
    expect(((await handler.get(k, getCtx))?.value.data as { body: string }).body).toBe('"pinned"');
    await tick();
    expireLocal(['_N_T_/layout'], Date.now());
    await tick();
    expect(await handler.get(k, getCtx)).toBeNull();
  });

  it('a data entry read with no soft tags (outside a page) is judged by its own tags only', async () => {
    const k = `data-${key()}`;
    const ctx = { kind: 'FETCH', tags: ['sections'], fetchCache: true };
    await handler.set(k, { kind: 'FETCH', data: { headers: {}, body: '"list"', status: 200, url: '' }, revalidate: 3600 }, ctx);
    await tick();
    expireLocal(['_N_T_/layout'], Date.now());
    expect(((await handler.get(k, ctx))?.value.data as { body: string }).body).toBe('"list"');
    expect(await handler.get(k, { ...ctx, softTags: ['_N_T_/layout'] })).toBeNull();
  });

  it('counts each page it stores as one render, and the home page\'s apart; data entries are no render', async () => {
    const { pageCacheStatus } = module as unknown as { pageCacheStatus: () => { pageRenders: number; homeRenders: number } };
    const before = pageCacheStatus();
    // Next 16's key for the home page; a section front's ends in /$/world.
    await handler.set('/route-cache/APP_PAGE/0574d05a00dc4ddcaa8949649bd67b0cbcb30c1b51e38c4909d3404aab6791e8/$/index', page(['home']), pageCtx);
    await handler.set('/route-cache/APP_PAGE/dd64490f35047068c7cff1fcf5fbcf85be94325e8fc80fc4374310a972164cd8/$/world', page(['section:world']), pageCtx);
    await handler.set(key(), page(['section:world']), pageCtx);
    await handler.set(`data-${key()}`, { kind: 'FETCH', data: { headers: {}, body: '"x"', status: 200, url: '' }, revalidate: 3600 }, { kind: 'FETCH', tags: ['home'] });
    const after = pageCacheStatus();
    expect(after.pageRenders - before.pageRenders).toBe(3);
    expect(after.homeRenders - before.homeRenders).toBe(1);
  });
});
