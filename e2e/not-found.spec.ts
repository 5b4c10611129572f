// Pages that do not exist (or must not be seen) answer a real 404, inside the site's layout.
import type { Page } from '@playwright/test';
import { createHiddenArticle } from './support/site-data';
import { expect, expectNoRawDump, test } from './support/fixtures';

async function expectSiteNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 404`).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // In the site's layout: its header, main and footer landmarks.
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  // A way on: a link to the front page from the message itself.
  await expect(page.getByRole('main').locator('a[href="/"]').first()).toBeVisible();
  await expectNoRawDump(page);
}

test('an unknown section is a 404', async ({ page }) => {
  await expectSiteNotFound(page, '/no-such-section-e2e');
});

test('an unknown article is a 404', async ({ page }) => {
  await expectSiteNotFound(page, '/middle-east/no-such-article-e2e');
});

test('an unknown tag is a 404', async ({ page }) => {
  await expectSiteNotFound(page, '/tag/no-such-tag-e2e');
});

test('a malformed pagination cursor is a 404, not an error', async ({ page }) => {
  await expectSiteNotFound(page, '/middle-east/older/not-a-cursor');
  await expectSiteNotFound(page, '/middle-east/newer/%3Cscript%3E');
});

test('unpublished, draft and not-yet-due articles are 404s', async ({ page }) => {
  for (const status of ['unpublished', 'draft', 'scheduled'] as const) {
    await expectSiteNotFound(page, await createHiddenArticle(status));
  }
});

test('a page carries the reader chrome once: the 404 page is not written into every payload', async ({ request }) => {
  // Next writes a layout's not-found element into the RSC payload of each page under it. The root
  // and (site) ones are a bare note (decision 0033); were either the 404 page, this page's HTML would
  // hold its footer a second time, or the 404's search form, inside the payload.
  const response = await request.get('/world');
  expect(response.status()).toBe(200);
  const html = await response.text();
  const payload = html.slice(html.indexOf('self.__next_f'));
  expect(payload.split(String.raw`[\"$\",\"footer\"`).length - 1, 'footers in the RSC payload').toBe(1);
  expect(html.split('It may have moved or been taken down').length - 1, "the 404 page's message").toBe(0);
  // The payload describes the page's own search forms (the header's), no other.
  const formsOnPage = html.slice(0, html.indexOf('self.__next_f')).split('role="search"').length - 1;
  expect(payload.split(String.raw`\"role\":\"search\"`).length - 1, 'search forms in the payload').toBe(formsOnPage);
});
