// What a real browser asks the app for on one page view, measured once per run in Chromium against the
// server under test: the document, then whatever Next's router fetches for the links the page shows
// (prefetches carry `Next-Router-Prefetch: 1` and an `_rsc` query), while the page is read to the
// bottom and the pointer rests on a few links. Assets (/_next/static, /_next/image, /media) are left
// out. The news-day load replays the same number of requests with the same headers for the links of
// each page it fetches (scripts/bench/newsday-model.ts pageLinks).
import { chromium, type Page } from '@playwright/test';

export type BrowserRequest = { path: string; headers: Record<string, string> };
export type PageViewProfile = { path: string; appRequests: number; prefetches: BrowserRequest[] };

const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-router-state-tree', 'next-url'];
/** Files the browser and nginx cache (not requests to the app). e2e/page-view-requests.spec.ts uses it too. */
export const isAsset = (pathname: string) => /^\/(_next\/static\/|_next\/image|media\/)/.test(pathname) || /\.(ico|png|svg|webmanifest|woff2?)$/.test(pathname);

/** What a reader does on a page: reads it to the bottom (every link enters the viewport) and rests the
 * pointer on a few links without clicking. */
export async function readToTheBottom(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 400) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  const links = page.locator('main a[href^="/"]:visible');
  const count = Math.min(await links.count(), 4);
  for (let index = 0; index < count; index++) await links.nth(index).hover().catch(() => {});
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1_000);
}

export async function profilePageViews(baseUrl: string, paths: Record<string, string>): Promise<Record<string, PageViewProfile>> {
  const browser = await chromium.launch({
    executablePath: process.env.LEDE_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const origin = new URL(baseUrl).origin;
  const profiles: Record<string, PageViewProfile> = {};
  try {
    for (const [kind, path] of Object.entries(paths)) {
      const page = await browser.newPage();
      const seen: BrowserRequest[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin || isAsset(url.pathname)) return;
        const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => ROUTER_HEADERS.includes(name)));
        seen.push({ path: `${url.pathname}${url.search}`, headers });
      });
      // 'load', not 'networkidle': on a loaded machine the image optimiser's first renditions can keep
      // the network busy past any timeout; the reading below waits for the router's requests.
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: 120_000 });
      await readToTheBottom(page);
      await page.close();
      profiles[kind] = { path, appRequests: seen.length, prefetches: seen.filter((request) => request.headers.rsc) };
    }
  } finally {
    await browser.close();
  }
  return profiles;
}
