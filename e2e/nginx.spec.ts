// deploy/nginx.conf, run for real in front of the e2e server: nginx (Debian's package) on a free
// loopback port with its cache in a temporary folder. What the config promises, read off the
// X-Cache-Status header: public pages micro-cached (MISS, then HIT), served stale while one request
// renews them, the view beacon is answered by nginx and counted by the app from nginx's view log
// (nothing else of it logged, never cached), per-reader answers (Cache-Control private/no-store) never stored, /admin (previews
// included) never cached.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { db } from '@/lib/db/client';
import { baseURL, projectRoot, viewLogFile } from './support/environment';
import { someSection, uniqueWord } from './admin-support';
import { findNginx, startNginx, type RunningNginx } from '../scripts/support/nginx';

test.describe('deploy/nginx.conf in front of the app', () => {
  let nginx: RunningNginx | null = null;
  let front = '';

  test.beforeAll(async () => {
    test.skip(!findNginx(), 'nginx is not installed (apt-get install nginx-light) and could not be installed here');
    nginx = await startNginx({ projectRoot, upstream: new URL(baseURL).host, viewLog: viewLogFile, workerConnections: 1024 });
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

  test('a reader’s view through nginx is counted by the app from nginx’s view log; a bot’s is not; 300 at once are 300', async ({ browser }) => {
    test.setTimeout(120_000);
    const word = uniqueWord('Nginxview');
    const section = await someSection();
    const article = await db.article.create({
      data: { slug: `${word.toLowerCase()}-read`, headline: `${word} read`, status: 'published', publishedAt: new Date(Date.now() - 3_600_000), sectionId: section.id },
      select: { id: true, slug: true },
    });
    const views = async () => (await db.articleViewHour.aggregate({ where: { articleId: article.id }, _sum: { views: true } }))._sum.views ?? 0;
    async function waitForViews(expected: number) {
      // nginx's buffer, the app's read and its flush: a second each.
      const deadline = Date.now() + 20_000;
      while ((await views()) < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await views()).toBe(expected);
    }
    const visit = async (userAgent: string) => {
      const context = await browser.newContext({ userAgent });
      const page = await context.newPage();
      const beacon = page.waitForResponse((response) => response.url().includes('/api/views'));
      await page.goto(`${front}/${section.slug}/${article.slug}`);
      expect((await beacon).status()).toBe(204);
      await context.close();
    };
    await visit('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await visit('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36');
    await waitForViews(1);
    const answers = await Promise.all(
      Array.from({ length: 300 }, () =>
        fetch(`${front}/api/views?article=${article.id}`, { method: 'POST', headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15' } }).then((response) => response.status),
      ),
    );
    expect(answers.filter((status) => status === 204)).toHaveLength(300);
    await waitForViews(301);
    // What nginx wrote for them: the time and the article, nothing else.
    const lines = fs.readFileSync(viewLogFile, 'utf8').split('\n').filter((line) => line.endsWith(` ${article.id}`));
    expect(lines).toHaveLength(301);
    for (const line of lines) expect(line).toMatch(/^\d{10}\.\d{3} [1-9]\d*$/);
  });
});
