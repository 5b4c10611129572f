// Issue 14: what one reader's page view costs the origin. A page is one request (the document, or the
// RSC payload of a client-side navigation); the browser must not prefetch the pages the links point
// to, neither when they scroll into view nor when the pointer rests on them (docs/decisions/0025).
// Assets (/_next/static, /_next/image, /media, icons) are left out: nginx and browsers cache them.
// An article page view also sends its one view beacon (POST /api/views, answered by the server before
// Next, a counter increment: docs/decisions/0022): counted here, so that it stays one.
import type { Page, Request } from '@playwright/test';
import { busiestSection } from './support/site-data';
import { expect, legacyArticle, test } from './support/fixtures';
import { isAsset, readToTheBottom } from '../scripts/bench/newsday-browser';

/** The app requests the page makes from now on, as "METHOD path [rsc]" lines. */
function recordAppRequests(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || isAsset(url.pathname)) return;
    const headers = request.headers();
    const kind = headers['next-router-prefetch'] ? ' [prefetch]' : headers.rsc ? ' [rsc]' : '';
    seen.push(`${request.method()} ${url.pathname}${kind}`);
  });
  return seen;
}


test('a page view is one request to the app: no prefetch on scroll or hover, on any public page kind', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const section = await busiestSection();
  for (const [path, beacon] of [['/', false], [`/${section.slug}`, false], [legacyArticle.path, true]] as const) {
    await page.goto('about:blank');
    const seen = recordAppRequests(page, origin);
    await page.goto(path, { waitUntil: 'networkidle' });
    await readToTheBottom(page);
    page.removeAllListeners('request');
    expect(seen, `${path}: ${seen.join(', ')}`).toEqual([`GET ${path}`, ...(beacon ? ['POST /api/views'] : [])]);
  }
});

test('following a link is one request to the app, and the page it opens prefetches nothing', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto('/', { waitUntil: 'networkidle' });
  await readToTheBottom(page);
  const seen = recordAppRequests(page, origin);
  const story = page.locator('main article h2 a, main article h3 a').first();
  const href = await story.getAttribute('href');
  expect(href).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+/);
  await story.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.waitForLoadState('networkidle');
  await readToTheBottom(page);
  // The story's document or payload, and its one view beacon.
  expect(seen.length, seen.join(', ')).toBe(2);
  expect(seen[0]).toMatch(new RegExp(`^GET ${href}( \\[rsc\\])?$`));
  expect(seen[1]).toBe('POST /api/views');
});
