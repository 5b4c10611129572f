// Searching: finding the legacy article, echoing hostile queries as text, paging through results.
import type { Page } from '@playwright/test';
import { searchArticles } from '@/lib/search';
import { SEARCH_PAGE_SIZE } from '@/lib/search/query';
import { commonWord } from './support/site-data';
import { expect, expectNoRawDump, legacyArticle, test } from './support/fixtures';

async function resultHrefs(page: Page): Promise<string[]> {
  return page.getByTestId('search-results').getByTestId('story-card').evaluateAll((cards) =>
    cards.map((card) => card.querySelector('a[href]')?.getAttribute('href') ?? ''),
  );
}

/** What the search page must show for a query: the article paths of that page of results, in order,
 * and the line above them, read from the same database through lib/search (the engine has tests of
 * its own; here the page must show exactly what it finds). */
async function expectedResults(query: string, page = 1): Promise<{ paths: string[]; line: string }> {
  const results = await searchArticles(query, page);
  const count = `${results.totalCapped ? 'More than ' : ''}${results.total.toLocaleString('en')}`;
  const line = results.total === 0 ? `No articles match “${query}”.` : `${count} ${results.total === 1 ? 'article matches' : 'articles match'} “${query}”.`;
  return { paths: results.hits.map((hit) => hit.path), line };
}

const prompt = 'Type a word or two to search every published article.';

test('searching for Lavrov finds the legacy article, and the result opens it', async ({ page }) => {
  await page.goto('/');
  // From the search form a reader sees, not a typed URL (works without JavaScript: a GET form).
  const box = page.getByRole('searchbox').or(page.getByRole('textbox', { name: /search/i })).first();
  await box.fill('Lavrov');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Lavrov/);

  const expected = await expectedResults('Lavrov');
  expect(expected.paths).toContain(legacyArticle.path);
  await expect(page.getByRole('main')).toContainText(expected.line);
  expect(await resultHrefs(page)).toEqual(expected.paths);
  const result = page.getByTestId('search-results').getByRole('link', { name: legacyArticle.headline });
  await expect(result).toHaveCount(1);
  await expect(result).toHaveAttribute('href', legacyArticle.path);
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
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue(query);
    // The words in it are searched like any others; the query comes back as text.
    const expected = await expectedResults(query);
    await expect(page.getByRole('main')).toContainText(expected.line);
    expect(await resultHrefs(page), query).toEqual(expected.paths);
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
  expect(first, `results for "${word}"`).toEqual((await expectedResults(word, 1)).paths);
  expect(first.length, 'a full first page').toBe(SEARCH_PAGE_SIZE);
  for (const href of first) expect(href).toMatch(/^\/[^/]+\/[^/]+$/);

  const next = page.getByTestId('pagination').locator('a[rel~="next"]');
  await expect(next, `"${word}" should match more than one page of results`).toHaveCount(1);
  await expect(next).toHaveAttribute('href', /[?&]page=2\b/);
  await next.click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  // (Links may navigate client-side: wait for the new list, not only the new URL.)
  await expect.poll(async () => (await resultHrefs(page))[0]).not.toBe(first[0]);
  const second = await resultHrefs(page);
  expect(second).toEqual((await expectedResults(word, 2)).paths);
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
  const lavrov = await expectedResults('Lavrov');
  const answers: [url: string, line: string, paths: string[]][] = [
    // No words: the prompt, no results list.
    ['/search', prompt, []],
    ['/search?q=', prompt, []],
    ['/search?q=%20%20', prompt, []],
    // A page number that is no page number is page 1.
    ['/search?q=Lavrov&page=0', lavrov.line, lavrov.paths],
    ['/search?q=Lavrov&page=abc', lavrov.line, lavrov.paths],
    ['/search?q=zzzqqqxnomatch', 'No articles match “zzzqqqxnomatch”.', []],
  ];
  for (const [url, line, paths] of answers) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('main'), url).toContainText(line);
    await expect(page.getByTestId('search-results'), url).toHaveCount(line === prompt ? 0 : 1);
    expect(await resultHrefs(page), url).toEqual(paths);
    await expectNoRawDump(page);
  }
});
