// deploy/nginx.conf, run for real in front of the e2e server: nginx (Debian's package) on a free
// loopback port with its cache in a temporary folder. What the config promises, read off the
// X-Cache-Status header: public pages micro-cached (MISS, then HIT), served stale while one request
// renews them, the view beacon is neither cached nor logged, per-reader answers (Cache-Control private/no-store) never stored, /admin (previews
// included) never cached.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { db } from '@/lib/db/client';
import { baseURL, projectRoot } from './support/environment';
import { findNginx, startNginx, type RunningNginx } from '../scripts/support/nginx';

test.describe('deploy/nginx.conf in front of the app', () => {
  let nginx: RunningNginx | null = null;
  let front = '';

  test.beforeAll(async () => {
    test.skip(!findNginx(), 'nginx is not installed (apt-get install nginx-light) and could not be installed here');
    nginx = await startNginx({ projectRoot, upstream: new URL(baseURL).host });
    front = nginx.url;
  });

  test.afterAll(async () => {
    await nginx?.stop();
  });

  const status = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    await response.arrayBuffer();
    return { cache: response.headers.get('x-cache-status'), code: response.status, control: response.headers.get('cache-control') ?? '' };
  };

  test('micro-caches a public page, then serves it stale while one request renews it', async () => {
    // Warm the app's own cache first so that nginx sees the page as the app will keep serving it.
    await fetch(`${baseURL}/world`).then((response) => response.arrayBuffer());
    expect((await status(`${front}/world`)).cache).toBe('MISS');
    const hit = await status(`${front}/world`);
    expect(hit).toMatchObject({ cache: 'HIT', code: 200 });
    // nginx counts whole seconds: a 1 s lifetime ends 1 to 2 s after the page was stored.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Expired: answered at once from the stale copy while the background request renews it...
    expect(['STALE', 'UPDATING']).toContain((await status(`${front}/world`)).cache);
    // ...after which the renewed copy is a HIT again.
    await expect.poll(async () => (await status(`${front}/world`)).cache, { timeout: 5_000 }).toBe('HIT');
  });

  test('never stores what the app marks private or no-store', async () => {
    const first = await status(`${front}/search?q=lavrov`);
    expect(first.control).toMatch(/private|no-store|no-cache|max-age=0/);
    const second = await status(`${front}/search?q=lavrov`);
    expect(first.cache).toBe('MISS');
    expect(second.cache).toBe('MISS');
  });

  test('never caches the admin or previews', async () => {
    for (const url of ['/admin/login', '/admin/login', '/admin/articles/1/preview', '/admin/articles/1/preview', '/admin']) {
      expect((await status(`${front}${url}`)).cache, url).toBe('BYPASS');
    }
  });

  test('never caches nor logs the view beacon', async () => {
    const article = await db.article.findFirstOrThrow({ where: { status: 'published' }, select: { id: true } });
    for (let n = 0; n < 2; n += 1) {
      const response = await fetch(`${front}/api/views?article=${article.id}`, {
        method: 'POST',
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36' },
      });
      // No X-Cache-Status at all: the location has no cache to consult (proxy_cache off).
      expect([response.status, response.headers.get('x-cache-status'), response.headers.get('cache-control')]).toEqual([204, null, 'no-store']);
    }
    await fetch(`${front}/world`).then((response) => response.arrayBuffer());
    const log = fs.readFileSync(path.join(nginx!.dir, 'access.log'), 'utf8');
    expect(log).toContain('/world');
    expect(log).not.toContain('/api/views');
  });
});
