// Reader journeys: moving through the site, the legacy demo article with everything it must show,
// keyset pagination, and tag pages.
import type { Locator, Page } from '@playwright/test';
import { mediaPath } from '@/lib/articles/urls';
import { PAGE_SIZE } from '@/lib/articles/cursor';
import { db } from '@/lib/db/client';
import { busiestSection, publishArticlesIn, tagWithArticles } from './support/site-data';
import { newsroomAccount } from './admin-support';
import { baseURL } from './support/environment';
import { expect, expectNoRawDump, legacyArticle, test } from './support/fixtures';

// The legacy article's six related items, in the legacy `sort` order, as readers must see them.
const relatedInOrder = [
  { title: 'Russia, NATO Will Hold Parallel Military Drills in Balkan', kicker: '', type: 'text' },
  { title: "Army Inflicts Great Loss on Terrorists in Clashes in Northern Dara'a", kicker: 'SYRIA VIDEO', type: 'video' },
  { title: 'FBI Sees No Relation between Trump, Russia’s Putin: Report', kicker: '', type: 'text' },
  { title: 'Russia Declares 10 Hours Truce in Aleppo for Humanitarian Aid on Friday', kicker: '', type: 'text' },
  { title: "Syria in Past 24 Hours: Terrorists in Damascus Receive Army's Ultimatum", kicker: '', type: 'text' },
  // Kicker VIDEO, but its legacy picture is a .jpg: a text item (only the .mp4 one is a video).
  { title: '200,000 Migrants are Suffering in Syria and Iraq', kicker: 'VIDEO', type: 'text' },
] as const;

const storyLinks = (scope: Page | Locator) => scope.getByTestId('story-card').getByRole('link');

async function cardHrefs(page: Page): Promise<string[]> {
  const cards = page.getByTestId('story-card');
  const count = await cards.count();
  const hrefs: string[] = [];
  for (let index = 0; index < count; index++) {
    const href = await cards.nth(index).getByRole('link').first().getAttribute('href');
    hrefs.push(href ?? '');
  }
  return hrefs;
}

/** Follows the pagination link `rel` (next = older, prev = newer) and waits until the new list shows
 * (links may navigate client-side, so a new URL alone does not mean a new list yet). */
async function follow(page: Page, rel: 'next' | 'prev'): Promise<void> {
  const before = page.url();
  const firstBefore = (await cardHrefs(page))[0];
  await page.getByTestId('pagination').locator(`a[rel~="${rel}"]`).click();
  await expect(page).not.toHaveURL(before);
  await expect.poll(async () => (await cardHrefs(page))[0]).not.toBe(firstBefore);
}

async function cardDates(page: Page): Promise<number[]> {
  const values = await page.getByTestId('story-card').locator('time[datetime]').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  return values.map((value) => Date.parse(value));
}

test('home → section → article → related link → back', async ({ page }) => {
  const home = await page.goto('/');
  expect(home?.status()).toBe(200);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByTestId('story-card').first()).toBeVisible();
  await expectNoRawDump(page);

  // The legacy article's section, reached from the site navigation.
  await page.getByRole('banner').getByRole('link', { name: 'Middle East', exact: true }).first().click();
  await expect(page).toHaveURL(/\/middle-east$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Middle East');

  // Older pages until the (2016) legacy article's card shows up.
  for (let pages = 0; pages < 50; pages++) {
    const card = page.getByTestId('story-card').filter({ hasText: legacyArticle.headline });
    if (await card.count()) {
      await card.first().getByRole('link').first().click();
      break;
    }
    const older = page.getByTestId('pagination').locator('a[rel~="next"]');
    await expect(older, 'the legacy article should be reachable from its section by paging back').toHaveCount(1);
    await follow(page, 'next');
  }
  await expect(page).toHaveURL(new RegExp(`${legacyArticle.path}$`));
  await expect(page.getByTestId('headline')).toHaveText(legacyArticle.headline);

  const related = page.getByTestId('related-links').getByTestId('related-link');
  await related.filter({ hasText: relatedInOrder[0].title }).getByRole('link').first().click();
  await expect(page.getByTestId('headline')).toHaveText(relatedInOrder[0].title);
  await expectNoRawDump(page);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${legacyArticle.path}$`));
  await expect(page.getByTestId('headline')).toHaveText(legacyArticle.headline);
});

test('the legacy article shows every field apart, and its six related links in order', async ({ page }) => {
  const response = await page.goto(legacyArticle.path);
  expect(response?.status()).toBe(200);
  const main = page.getByRole('main');

  // Soft: one run reports every field that is wrong, not only the first.
  // Kicker apart from the headline; the headline is the page's one h1.
  await expect.soft(page.getByTestId('kicker').first()).toHaveText(legacyArticle.kicker);
  await expect(page.getByTestId('headline')).toHaveText(legacyArticle.headline);
  await expect.soft(page.getByRole('heading', { level: 1 })).toHaveText(legacyArticle.headline);
  await expect.soft(page.getByRole('heading', { level: 1 })).not.toContainText('VIDEO');

  // Dateline: <time datetime> in UTC. The legacy site wrote 19:50:06 Tehran time (UTC+3:30 that day).
  const time = page.getByTestId('dateline').locator('time[datetime]').or(page.locator('time[data-testid="dateline"][datetime]')).first();
  const datetime = await time.getAttribute('datetime');
  expect(datetime).toMatch(/(Z|\+00:00)$/);
  expect(new Date(datetime ?? '').toISOString()).toBe('2016-11-02T16:20:06.000Z');
  await expect(time).not.toHaveText('');

  // Video lead: controls, metadata preload only, a poster.
  const lead = main.locator('video[controls][preload="metadata"][poster]').first();
  await expect(lead).toBeAttached();
  expect(await lead.getAttribute('poster')).toBeTruthy();
  expect(await lead.evaluate((video: HTMLVideoElement) => video.currentSrc || video.getAttribute('src') || video.querySelector('source')?.getAttribute('src') || '')).toBeTruthy();

  // Body, source credit, tags, breadcrumb.
  await expect.soft(main).toContainText('Russian Foreign Minister Sergei Lavrov has said Wednesday that Russia seeks');
  await expect.soft(main).toContainText('Additionally, Lavrov accused Washington of not doing enough to implement the motion.');
  await expect.soft(page.getByTestId('source-credit')).toContainText(legacyArticle.sourceCredit);
  expect.soft(await main.locator('a[href^="/tag/"]').count(), 'the article shows its tags').toBeGreaterThan(0);
  const breadcrumb = page.getByRole('navigation', { name: /breadcrumb/i });
  await expect.soft(breadcrumb.getByRole('link', { name: /home/i })).toBeVisible();
  await expect.soft(breadcrumb.getByRole('link', { name: 'Middle East' })).toHaveAttribute('href', '/middle-east');

  // Exactly six related cards, in the legacy sort order, video ones marked as such.
  const cards = page.getByTestId('related-links').getByTestId('related-link');
  await expect(cards).toHaveCount(6);
  for (const [index, expected] of relatedInOrder.entries()) {
    const card = cards.nth(index);
    await expect(card, `related link ${index + 1}`).toContainText(expected.title);
    await expect.soft(card).toHaveAttribute('data-content-type', expected.type);
    if (expected.kicker) {
      // Its own kicker element (data-testid="kicker" preferred), the title without it.
      const kicker = card.getByTestId('kicker').or(card.getByText(new RegExp(`^${expected.kicker}:?$`))).first();
      await expect.soft(kicker, `related link ${index + 1} shows kicker ${expected.kicker}`).toHaveText(new RegExp(`^${expected.kicker}:?$`));
    }
    if (expected.type === 'video') {
      // Marked "Video" beyond its kicker (a label, a badge or an accessible name).
      const marks = await card.evaluate((element) => {
        const kicker = element.querySelector('[data-testid="kicker"]')?.textContent ?? '';
        const visible = (element as HTMLElement).innerText.replace(kicker, '');
        const labels = [...element.querySelectorAll('[aria-label],[title],img[alt]')].map(
          (node) => `${node.getAttribute('aria-label') ?? ''} ${node.getAttribute('title') ?? ''} ${node.getAttribute('alt') ?? ''}`,
        );
        return `${visible} ${labels.join(' ')}`;
      });
      expect.soft(marks, `related link ${index + 1} is marked as video`).toMatch(/video/i);
    }
    // Every card has a thumbnail (an image or a video poster) and a link.
    expect.soft(await card.locator('img, video[poster]').count(), `related link ${index + 1} has a thumbnail`).toBeGreaterThan(0);
    await expect.soft(card.getByRole('link').first()).toHaveAttribute('href', /^\/|^https?:/);
  }
  await expectNoRawDump(page);
});

test('a video related link plays in place: a player with its poster and video, labelled with its title', async ({ page, request }) => {
  const expected = relatedInOrder[1];
  const link = await db.relatedLink.findFirstOrThrow({
    where: { article: { slug: legacyArticle.path.split('/').at(-1) }, position: 1 },
    select: { media: { select: { path: true, mimeType: true, poster: { select: { path: true } } } }, targetArticle: { select: { slug: true, section: { select: { slug: true } } } } },
  });
  await page.goto(legacyArticle.path);
  const card = page.getByTestId('related-link').nth(1);
  await expect(card).toHaveAttribute('data-content-type', 'video');

  // The player itself, in the card (not a picture that links elsewhere): native controls, nothing
  // fetched before the reader asks, the poster frame, and the card's title as its name.
  const player = card.locator(':scope > video');
  await expect(player).toHaveCount(1);
  await expect(card.locator(':scope > img, :scope > picture')).toHaveCount(0);
  await expect(player).toHaveAttribute('controls', '');
  await expect(player).toHaveAttribute('preload', 'none');
  await expect(player).toHaveAttribute('poster', mediaPath(link.media!.poster!.path));
  await expect(player).toHaveAccessibleName(expected.title);
  const source = player.locator('source');
  await expect(source).toHaveCount(1);
  await expect(source).toHaveAttribute('src', mediaPath(link.media!.path));
  await expect(source).toHaveAttribute('type', 'video/mp4');
  const file = await request.get(mediaPath(link.media!.path));
  expect([file.status(), file.headers()['content-type']]).toEqual([200, 'video/mp4']);

  // Under it, the title links to the related article, marked "Video" and with its own kicker.
  const title = card.getByRole('heading', { level: 3 });
  await expect(title).toHaveText(`Video${expected.kicker}:${expected.title}`);
  await expect(title.getByRole('link')).toHaveAttribute('href', `/${link.targetArticle!.section.slug}/${link.targetArticle!.slug}`);
});

test('keyset pagination: older, older, newer; newest first, no duplicates', async ({ page }) => {
  // Three pages need more than two pages' worth: the busiest section gets what it lacks.
  const section = await busiestSection();
  const lacking = 2 * PAGE_SIZE + 1 - section.published;
  if (lacking > 0) await publishArticlesIn(section.slug, lacking, await newsroomAccount('editor'), page.request);

  await page.goto(`/${section.slug}`);
  const pagination = page.getByTestId('pagination');
  await expect(pagination.locator('a[rel~="prev"]'), 'the first page has no "newer" link').toHaveCount(0);
  const first = await cardHrefs(page);
  expect(first.length).toBeGreaterThan(0);

  await follow(page, 'next');
  await expect(page).toHaveURL(new RegExp(`/${section.slug}/older/[^/]+$`));
  const second = await cardHrefs(page);
  const secondUrl = page.url();

  await follow(page, 'next');
  await expect(page).toHaveURL(new RegExp(`/${section.slug}/older/[^/]+$`));
  const third = await cardHrefs(page);

  const all = [...first, ...second, ...third];
  expect(new Set(all).size, 'no article appears on two pages').toBe(all.length);
  for (const href of all) expect(href).toMatch(new RegExp(`^/${section.slug}/[^/]+$`));

  // Newest first across the three pages.
  const dates: number[] = [];
  for (const url of [`/${section.slug}`, secondUrl, page.url()]) {
    await page.goto(url);
    dates.push(...(await cardDates(page)));
  }
  expect(dates.length, 'every story card carries a <time datetime>').toBe(all.length);
  expect(dates.every((value) => !Number.isNaN(value))).toBe(true);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));

  // "Newer" from the third page gives the second page again, and from the second the first.
  // (Links may navigate client-side: wait for the new list, not only the new URL.)
  await page.getByTestId('pagination').locator('a[rel~="prev"]').click();
  await expect(page).toHaveURL(new RegExp(`/${section.slug}/newer/[^/]+$`));
  await expect.poll(() => cardHrefs(page)).toEqual(second);
  await page.goto(secondUrl);
  await page.getByTestId('pagination').locator('a[rel~="prev"]').click();
  await expect(page).toHaveURL(new RegExp(`/${section.slug}/newer/[^/]+$`));
  await expect.poll(() => cardHrefs(page)).toEqual(first);
});

test('a tag page lists its articles and they open', async ({ page }) => {
  const tag = await tagWithArticles();
  const response = await page.goto(`/tag/${tag.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(tag.name);
  const first = storyLinks(page).first();
  await expect(first).toBeVisible();
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByTestId('headline')).toBeVisible();
  await expectNoRawDump(page);
});

test('the legacy article links to its tag pages, which list it', async ({ page }) => {
  await page.goto(legacyArticle.path);
  const tagLink = page.getByRole('main').locator('a[href^="/tag/"]').first();
  await expect(tagLink, 'the legacy article shows its tags as links').toBeVisible();
  const href = await tagLink.getAttribute('href');
  await tagLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  let found = false;
  for (let pages = 0; pages < 50 && !found; pages++) {
    found = (await page.getByTestId('story-card').filter({ hasText: legacyArticle.headline }).count()) > 0;
    if (found) break;
    const older = page.getByTestId('pagination').locator('a[rel~="next"]');
    if (!(await older.count())) break;
    await follow(page, 'next');
  }
  expect(found, 'the legacy article is listed on its tag page').toBe(true);
});

test('a page read again is served past the request proxy; a missing or misspelt one never is', async () => {
  // The server's own count (GET /api/internal/cache): requests resolved by the proxy, and requests it
  // handed straight to Next on a remembered answer (lib/routing/known-page.ts, issue 14).
  const stats = async () => {
    const response = await fetch(new URL('/api/internal/cache', baseURL), { headers: { 'x-lede-internal': process.env.INTERNAL_SECRET! } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { resolver: { resolved: number; passedBy: number } }).resolver;
  };
  const read = async (path: string) => {
    const response = await fetch(new URL(path, baseURL), { redirect: 'manual' });
    await response.arrayBuffer();
    return response;
  };
  expect((await read(legacyArticle.path)).status).toBe(200);
  const before = await stats();
  for (let round = 0; round < 5; round++) {
    const response = await read(legacyArticle.path);
    expect(response.status).toBe(200);
    // The render's own policy, stored with it, as through the proxy (e2e/security-headers.spec.ts).
    expect(response.headers.get('content-security-policy')).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
  }
  const after = await stats();
  // Every request is counted once, by one side; the proxy still sees the one request that finds the
  // due time unchecked for 5 s (lib/articles/scheduling/due-trigger.ts), at most one of five here.
  expect(after.passedBy - before.passedBy + (after.resolved - before.resolved)).toBe(5);
  expect(after.passedBy - before.passedBy).toBeGreaterThanOrEqual(4);

  const missing = `${legacyArticle.path}-not-this-one`;
  const misspelt = legacyArticle.path.toUpperCase();
  const beforeOthers = await stats();
  for (let round = 0; round < 2; round++) {
    expect((await read(missing)).status).toBe(404);
    const moved = await read(misspelt);
    expect(moved.status).toBe(301);
    expect(new URL(moved.headers.get('location')!, baseURL).pathname).toBe(legacyArticle.path);
  }
  const afterOthers = await stats();
  expect(afterOthers.passedBy - beforeOthers.passedBy).toBe(0);
  expect(afterOthers.resolved - beforeOthers.resolved).toBe(4);
});
