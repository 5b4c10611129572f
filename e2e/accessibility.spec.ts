// Every kind of public page: axe-core finds nothing (WCAG 2.0 A/AA, 2.1 AA), it shows no raw data,
// it reads without JavaScript, it fits a 320 px screen, and it has landmarks and a skip link.
import { authorWithArticles, busiestSection, tagWithArticles } from './support/site-data';
import { accessibilityViolations, expect, expectNoRawDump, legacyArticle, scrollsSideways, test } from './support/fixtures';

type PageKind = { name: string; path: string; status: number };

let pages: PageKind[] = [];

test.beforeAll(async () => {
  const section = await busiestSection();
  const tag = await tagWithArticles();
  const author = await authorWithArticles();
  pages = [
    { name: 'home', path: '/', status: 200 },
    { name: 'section', path: `/${section.slug}`, status: 200 },
    { name: 'article', path: legacyArticle.path, status: 200 },
    { name: 'tag', path: `/tag/${tag.slug}`, status: 200 },
    { name: 'author', path: `/author/${encodeURIComponent(author.slug)}`, status: 200 },
    { name: 'search', path: '/search?q=Lavrov', status: 200 },
    { name: '404', path: '/no-such-page-e2e', status: 404 },
  ];
});

test('axe-core finds no WCAG A/AA violation on any kind of page', async ({ page }) => {
  // Seven kinds of page, axe on each: on a shared two-core machine that is more than the default minute.
  test.setTimeout(180_000);
  const failures: string[] = [];
  for (const { name, path, status } of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    const violations = await accessibilityViolations(page);
    if (violations.length) failures.push(`${name} (${path}):\n  ${violations.join('\n  ')}`);
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

test('no page shows raw data', async ({ page }) => {
  for (const { path } of pages) {
    await page.goto(path);
    await expectNoRawDump(page);
  }
});

test('landmarks and a skip link that works from the keyboard', async ({ page }) => {
  for (const { path } of pages) {
    await page.goto(path);
    await expect(page.getByRole('banner'), path).toBeVisible();
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
  }
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.locator(':focus');
  await expect(skip).toHaveText(/skip/i);
  const target = await skip.getAttribute('href');
  expect(target).toMatch(/^#./);
  await expect(page.locator(target!)).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every kind of page is readable', async ({ page }) => {
    for (const { name, path, status } of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      await expect(page.getByRole('heading', { level: 1 }), `${name} has its heading without JavaScript`).toBeVisible();
      if (name === 'article') {
        await expect(page.getByTestId('headline')).toHaveText(legacyArticle.headline);
        await expect(page.getByTestId('related-link')).toHaveCount(6);
      }
      if (['home', 'section', 'tag', 'author', 'search'].includes(name)) await expect(page.getByTestId('story-card').first()).toBeVisible();
    }
  });
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no page scrolls sideways', async ({ page }) => {
    const wide: string[] = [];
    for (const { path } of pages) {
      await page.goto(path);
      await page.waitForLoadState('load');
      if (await scrollsSideways(page)) {
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 3)
            .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`),
        );
        wide.push(`${path}: ${culprits.join(', ')}`);
      }
    }
    expect(wide, wide.join('\n')).toEqual([]);
  });
});
