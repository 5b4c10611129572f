// An editor arranges curated fronts (/admin/fronts): pins two articles on the home page and on a
// section front in a chosen order, previews, saves; readers see that order, and readers asking for
// the home page during the save get the old or the new arrangement, never an error. Unpublishing a
// pinned article drops it from both fronts at once and the newsroom flags the slot. A writer cannot.
// The home page's top fits the first screen of a laptop and a phone. axe-core finds nothing.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { recordEverythingRefresh } from '@/lib/cache/refresh';
import { db } from '@/lib/db/client';
import { accessibilityViolations } from './support/fixtures';
import { newsroomAccount, signIn, someSection, uniqueWord, type Account } from './admin-support';

let editor: Account;
let writer: Account;

test.beforeAll(async () => {
  [editor, writer] = await Promise.all([newsroomAccount('editor'), newsroomAccount('writer')]);
});

test.afterAll(async () => {
  // Other journeys expect the automatic home page and section fronts: the fronts go, and the server is
  // told through the outbox (as a save tells it), or it would go on serving the pinned pages it cached.
  await db.$transaction(async (tx) => {
    await tx.front.deleteMany({});
    await recordEverythingRefresh(tx);
  });
});

/** The headlines of a public front's top, in order: the lead, then the top stories. */
async function frontOrder(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  return page.locator('[data-testid="front-lead"] h2, [data-testid="front-top"] h3').allTextContents();
}

/** The lead's headline in a page's HTML (what a reader's request got), or the status when not 200. */
async function leadOf(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path, { failOnStatusCode: false });
  if (response.status() !== 200) return `status ${response.status()}`;
  const match = /data-testid="front-lead"[\s\S]*?<h2[^>]*>([\s\S]*?)<\/h2>/.exec(await response.text());
  return match ? match[1]!.replace(/<[^>]+>/g, '').trim() : 'no lead';
}

test('an editor pins, previews and saves the home page and a section front; unpublishing a pinned article drops it at once', async ({ page, request }) => {
  const word = uniqueWord('Front');
  const section = await someSection();
  const publishedAt = new Date(Date.now() - 86_400_000 * 30);
  const make = (name: string) => db.article.create({ data: { slug: `${word.toLowerCase()}-${name}`, headline: `${word} ${name}`, status: 'published', publishedAt, sectionId: section.id } });
  const [alpha, bravo, charlie] = [await make('alpha'), await make('bravo'), await make('charlie')];

  await signIn(page, editor);
  await page.goto('/admin/fronts');
  await expect(page.getByRole('heading', { level: 1, name: 'Fronts' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Home page' }).click();
  await expect(page).toHaveURL(/\/admin\/fronts\/home$/);

  // Pick by search, as related links are; pin alpha then bravo, then move bravo up with the keyboard.
  await page.getByLabel('Words of the headline, or an id').fill(word);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByTestId('front-results').getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: `Pin: ${alpha.headline}` }).click();
  await page.getByRole('button', { name: `Pin: ${bravo.headline}` }).click();
  await page.getByRole('button', { name: `Move up: ${bravo.headline}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('front-slot-headline')).toHaveText([bravo.headline, alpha.headline]);
  await page.getByLabel('Front headline (optional)').first().fill(`${word} on the front`);
  expect(await accessibilityViolations(page)).toEqual([]);

  // Preview: the unsaved arrangement, marked, not indexed; the public page has not changed.
  const oldLead = await leadOf(request, '/');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveURL(/\/admin\/fronts\/home\/preview\?/);
  await expect(page.getByTestId('front-preview-bar')).toContainText('Preview of an unsaved arrangement');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect((await page.request.get(page.url())).headers()['cache-control']).toMatch(/no-store|private/);
  expect(await page.locator('[data-testid="front-lead"] h2, [data-testid="front-top"] h3').allTextContents().then((all) => all.slice(0, 2))).toEqual([`${word} on the front`, alpha.headline]);
  expect(await leadOf(request, '/')).toBe(oldLead);
  expect(await accessibilityViolations(page)).toEqual([]);

  // Save (from the editor) while readers keep asking for the home page.
  await page.getByRole('link', { name: 'Back to arranging' }).click();
  await expect(page.getByTestId('front-slot-headline')).toHaveText([bravo.headline, alpha.headline]);
  const seen: string[] = [];
  let saving = true;
  const readers = Promise.all([0, 1, 2].map(async () => {
    while (saving) seen.push(await leadOf(request, '/'));
  }));
  await page.getByRole('button', { name: 'Save the front' }).click();
  await expect(page.getByRole('status')).toHaveText('Front saved. The public page shows it now.');
  saving = false;
  await readers;
  expect(seen.length).toBeGreaterThan(2);
  expect(seen.filter((lead) => lead !== oldLead && lead !== `${word} on the front`)).toEqual([]);
  expect((await frontOrder(page, '/')).slice(0, 2)).toEqual([`${word} on the front`, alpha.headline]);
  expect(await db.auditEntry.count({ where: { action: 'front.saved', targetId: 'home', actorId: editor.id } })).toBe(1);

  // The section front: charlie, then alpha.
  await page.goto(`/admin/fronts/${section.slug}`);
  await page.getByLabel('Words of the headline, or an id').fill(word);
  await page.getByLabel('Words of the headline, or an id').press('Enter');
  await page.getByRole('button', { name: `Pin: ${charlie.headline}` }).click();
  await page.getByRole('button', { name: `Pin: ${alpha.headline}` }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  // Read the preview once it is there (as for the home page above): read at once, the locator could
  // still see the editor, which has no front (CI, PostgreSQL: an empty list).
  await expect(page).toHaveURL(new RegExp(`/admin/fronts/${section.slug}/preview\\?`));
  await expect(page.getByTestId('front-preview-bar')).toContainText('Preview of an unsaved arrangement');
  expect((await page.locator('[data-testid="front-lead"] h2, [data-testid="front-top"] h3').allTextContents()).slice(0, 2)).toEqual([charlie.headline, alpha.headline]);
  await page.getByRole('button', { name: 'Save the front' }).click();
  await expect(page.getByRole('status')).toHaveText('Front saved. The public page shows it now.');
  expect(await frontOrder(page, `/${section.slug}`)).toEqual([charlie.headline, alpha.headline]);
  // Not twice on the page.
  await expect(page.getByRole('main').getByRole('link', { name: alpha.headline })).toHaveCount(1);

  // Unpublish alpha: gone from both fronts on the next request; the newsroom flags its slot.
  await page.goto(`/admin/articles/${alpha.id}`);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status')).toContainText('Unpublished');
  expect((await frontOrder(page, '/')).slice(0, 2)).toEqual([`${word} on the front`, expect.not.stringContaining(word)]);
  expect(await frontOrder(page, `/${section.slug}`)).toEqual([charlie.headline]);
  await page.goto('/admin/fronts/home');
  await expect(page.getByTestId('front-slot-problem')).toHaveText(/^Slot 2: the article was unpublished\./);
  await page.goto('/admin/fronts');
  await expect(page.getByTestId('fronts-table')).toContainText('1 slot needs attention');
  await page.goto('/');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a writer gets the Forbidden page, and a forged post to the save action changes nothing', async ({ page, browser, baseURL }) => {
  await signIn(page, editor);
  await page.goto('/admin/fronts/home');
  // The Save button carries its own action (formAction): React names the button with the action's id.
  const saveId = (await page.getByRole('button', { name: 'Save the front' }).getAttribute('name'))!.slice('$ACTION_ID_'.length);
  expect(saveId).toMatch(/^[0-9a-f]{20,}$/);
  const story = await db.article.findFirstOrThrow({ where: { status: 'published' }, select: { id: true } });
  const before = [await db.frontSlot.count(), await db.auditEntry.count({ where: { action: 'front.saved' } })];

  const writerContext = await browser.newContext({ baseURL });
  const writerPage = await writerContext.newPage();
  await signIn(writerPage, writer);
  for (const path of ['/admin/fronts', '/admin/fronts/home', '/admin/fronts/home/preview?article=1&headline=&picture=']) {
    await writerPage.goto(path);
    await expect(writerPage.getByRole('heading', { level: 1 })).toHaveText('Not for your role');
  }
  await expect(writerPage.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Fronts' })).toHaveCount(0);
  const forged = await writerPage.request.post('/admin/fronts/home', {
    multipart: { [`$ACTION_ID_${saveId}`]: '', front: 'home', article: String(story.id), headline: 'Forged', picture: '' },
    headers: { Origin: new URL(baseURL!).origin, 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect([forged.status(), forged.headers().location]).toEqual([303, '/admin/fronts/home?error=role']);
  expect([await db.frontSlot.count(), await db.auditEntry.count({ where: { action: 'front.saved' } })]).toEqual(before);
  await writerContext.close();
});

for (const [name, width, height, more] of [['a 1280×900 screen', 1280, 900, 4], ['a 390×844 phone', 390, 844, 0]] as const) {
  test(`on ${name} the home page shows the lead headline${more ? ` and ${more} more headlines` : ''} above the fold`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const lead = page.locator('[data-testid="front-lead"] h2');
    const leadBox = (await lead.boundingBox())!;
    expect(leadBox.y + leadBox.height).toBeLessThanOrEqual(height);
    if (more) {
      const boxes = await page.locator('[data-testid="front-top"] h3').evaluateAll((all) => all.map((each) => each.getBoundingClientRect().bottom));
      expect(boxes.filter((bottom) => bottom <= height).length).toBeGreaterThanOrEqual(more);
    }
    // The lead picture is the largest paint: loaded first, at the widths it is shown.
    const picture = page.locator('[data-testid="front-lead"] img');
    if (await picture.count()) {
      await expect(picture).toHaveAttribute('fetchpriority', 'high');
      await expect(picture).toHaveAttribute('sizes', /740px/);
    }
  });
}
