// Searching: finding the legacy article, echoing hostile queries as text, paging through results.
import type { Page } from '@playwright/test';
import { commonWord } from './support/site-data';
import { expect, expectNoRawDump, legacyArticle, test } from './support/fixtures';

async function resultHrefs(page: Page): Promise<string[]> {
  return page.getByTestId('search-results').getByTestId('story-card').evaluateAll((cards) =>
    cards.map((card) => card.querySelector('a[href]')?.getAttribute('href') ?? ''),
  );
}

test('searching for Lavrov finds the legacy article, and the result opens it', async ({ page }) => {
  await page.goto('/');
  // From the search form a reader sees, not a typed URL (works without JavaScript: a GET form).
  const box = page.getByRole('searchbox').or(page.getByRole('textbox', { name: /search/i })).first();
  await box.fill('Lavrov');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Lavrov/);

  const results = page.getByTestId('search-results');
  const result = results.getByRole('link', { name: legacyArticle.headline });
  await expect(result.first()).toBeVisible();
  await expect(result.first()).toHaveAttribute('href', legacyArticle.path);
  await expectNoRawDump(page);
  await result.first().click();
  await expect(page).toHaveURL(new RegExp(`${legacyArticle.path}$`));
  await expect(page.getByTestId('headline')).toHaveText(legacyArticle.headline);
});

test('a query with markup is echoed as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = [
    '<script>window.__ledeXss=1;alert(1)</script>Lavrov',
    '"><img src=x onerror="window.__ledeXss=2;alert(2)">',
    "'><svg/onload=alert(3)>",
  ];
  for (const query of hostile) {
    const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole('main')).toContainText(query);
    expect(await page.evaluate(() => (window as unknown as { __ledeXss?: number }).__ledeXss)).toBeUndefined();
    await expect(page.locator('script', { hasText: '__ledeXss' })).toHaveCount(0);
    await expect(page.locator('img[onerror], svg[onload]')).toHaveCount(0);
    await expectNoRawDump(page);
  }
  expect(dialogs).toEqual([]);
});

test('results are paginated, every result links to its article', async ({ page }) => {
  const word = await commonWord();
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  const first = await resultHrefs(page);
  expect(first.length, `results for "${word}"`).toBeGreaterThan(1);
  for (const href of first) expect(href).toMatch(/^\/[^/]+\/[^/]+$/);

  const next = page.getByTestId('pagination').locator('a[rel~="next"]');
  await expect(next, `"${word}" should match more than one page of results`).toHaveCount(1);
  await expect(next).toHaveAttribute('href', /[?&]page=2\b/);
  await next.click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  // (Links may navigate client-side: wait for the new list, not only the new URL.)
  await expect.poll(async () => (await resultHrefs(page))[0]).not.toBe(first[0]);
  const second = await resultHrefs(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((href) => first.includes(href)), 'no result on both pages').toEqual([]);
  await page.getByTestId('pagination').locator('a[rel~="prev"]').click();
  await expect.poll(() => resultHrefs(page)).toEqual(first);

  // A result opens its article.
  const target = second[0]!;
  const response = await page.goto(target);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('headline')).toBeVisible();
});

test('an empty or odd query is answered calmly', async ({ page }) => {
  for (const url of ['/search', '/search?q=', '/search?q=%20%20', '/search?q=Lavrov&page=0', '/search?q=Lavrov&page=abc', '/search?q=zzzqqqxnomatch']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(page.getByRole('main')).toBeVisible();
    await expectNoRawDump(page);
  }
});
