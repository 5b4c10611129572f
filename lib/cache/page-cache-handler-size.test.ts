// The in-memory page cache bounds itself (LEDE_CACHE_MEMORY_MB) by its own estimate of each entry's
// size: an estimate below what an entry really holds lets the cache outgrow its bound. Two misses
// found with heap snapshots of a soak (docs/benchmarks.md, "Soak"): an HTML string with one character
// above U+00FF (the breadcrumb's "›") is stored by V8 at two bytes per character, and the small RSC
// segment buffers Next makes with Buffer.concat are slices of Node's shared 8 KiB pool, each keeping a
// whole pool slab alive.
import { describe, expect, it } from 'vitest';

delete process.env.REDIS_URL;
const module = await import('@/lib/cache/page-cache-handler.mjs');
type Handler = {
  get(key: string, ctx: unknown): Promise<{ value: { segmentData: Map<string, Buffer> } } | null>;
  set(key: string, value: unknown, ctx: unknown): Promise<void>;
};
const handler = new (module.default as unknown as new (context: object) => Handler)({});
const { pageCacheStatus } = module as unknown as { pageCacheStatus(): { bytes: number } };
const pageCtx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };

/** Bytes V8 spends on a string's characters: one per character while all are Latin-1, else two. */
const stringBytes = (text: string) => (/[^\u0000-\u00ff]/.test(text) ? 2 : 1) * text.length;

/** An article page as Next stores it: two-byte HTML, the RSC payload, small segment buffers. */
function articlePage() {
  const html = `<!DOCTYPE html><html><body><nav>Home › World</nav>${'<p>The council met on Friday.</p>'.repeat(1_000)}</body></html>`;
  // Buffer.concat of small chunks, as Next's streamToBuffer does: slices of the shared pool.
  const segment = (name: string) => Buffer.concat([Buffer.from(`0:{"segment":"${name}"}`), Buffer.from('\n')]);
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.alloc(20_000, 1),
    segmentData: new Map([
      ['/_tree', segment('tree')],
      ['/_full', segment('full')],
      ['/world/__PAGE__', segment('page')],
    ]),
    headers: { 'x-next-cache-tags': 'article:1,section:world,home', 'content-type': 'text/html; charset=utf-8' },
    status: 200,
    postponed: undefined,
  };
}

describe('page cache size estimate', () => {
  it('counts an article page at no less than the memory its entry keeps alive', async () => {
    const before = pageCacheStatus().bytes;
    const page = articlePage();
    await handler.get('/world/size-estimate', pageCtx);
    await handler.set('/world/size-estimate', page, pageCtx);
    const counted = pageCacheStatus().bytes - before;

    const stored = (await handler.get('/world/size-estimate', pageCtx))!.value;
    // What the stored entry keeps alive: every ArrayBuffer behind its buffers, whole.
    const kept = [...stored.segmentData.values()].reduce((sum, part) => sum + part.buffer.byteLength, 0);
    const real = stringBytes(page.html) + page.rscData.buffer.byteLength + kept;
    expect(counted).toBeGreaterThanOrEqual(real);
    // And not wildly more: the bound still means what it says.
    expect(counted).toBeLessThan(real * 1.2);
  });
});
