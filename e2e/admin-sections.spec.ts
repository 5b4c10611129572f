// An editor manages sections in the newsroom (/admin/sections): creates one, renames it (its old
// addresses answer one 301, and readers asking during the save never get a 404 or a 500), reorders the
// navigation, retires it (gone from the navigation, its article still opens); a writer cannot; axe-core
// finds nothing on the page.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { db } from '@/lib/db/client';
import { accessibilityViolations } from './support/fixtures';
import { actionIdOf, newsroomAccount, signIn, uniqueWord, type Account } from './admin-support';

let editor: Account;
let writer: Account;

test.beforeAll(async () => {
  [editor, writer] = await Promise.all([newsroomAccount('editor'), newsroomAccount('writer')]);
});

const status = async (request: APIRequestContext, path: string) => {
  const response = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
  return [response.status(), response.headers().location ?? null] as const;
};

/** The site's navigation as a reader sees it: the section slugs in order. */
async function navigation(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return hrefs.map((href) => href.slice(1)).filter(Boolean);
}

test('an editor creates, renames, reorders and retires a section; readers follow it', async ({ page, request }) => {
  const word = uniqueWord('Desk').toLowerCase();
  await signIn(page, editor);
  await page.goto('/admin/sections');
  await expect(page.getByRole('heading', { level: 1, name: 'Sections' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Create: the slug is made from the name.
  await page.getByLabel('Name', { exact: true }).last().fill(`${word} News`);
  await page.getByRole('textbox', { name: 'Description' }).last().fill('Made by the e2e journey.');
  await page.getByRole('button', { name: 'Create section' }).click();
  await expect(page.getByRole('status')).toHaveText('Section created. It is last in the navigation.');
  const oldSlug = `${word}-news`;
  const section = await db.section.findUniqueOrThrow({ where: { slug: oldSlug } });
  const story = await db.article.create({ data: { slug: `${word}-story`, headline: `${word} story`, status: 'published', publishedAt: new Date(Date.now() - 60_000), sectionId: section.id } });
  expect(await status(request, `/${oldSlug}`)).toEqual([200, null]);
  expect(await status(request, `/${oldSlug}/${story.slug}`)).toEqual([200, null]);
  expect((await navigation(page)).at(-1)).toBe(oldSlug);

  // Rename the slug while readers keep asking for the old front and the story: each gets the page
  // or the 301, never a 404 or a 500.
  const newSlug = `${word}-desk`;
  const seen: string[] = [];
  let saving = true;
  const readers = Promise.all(
    [`/${oldSlug}`, `/${oldSlug}/${story.slug}`].map(async (path) => {
      while (saving) seen.push(`${(await status(request, path))[0]}`);
    }),
  );
  await page.goto('/admin/sections');
  await page.getByText(`Rename ${word} News`).click();
  await page.locator(`#section-${section.id}-slug`).fill(newSlug);
  await page.getByRole('button', { name: `Save ${word} News` }).click();
  await expect(page.getByRole('status')).toHaveText('Section saved. Its old address now leads to the new one.');
  saving = false;
  await readers;
  expect(seen.length).toBeGreaterThan(2);
  expect(seen.filter((code) => code !== '200' && code !== '301')).toEqual([]);
  // One hop each: the front, its pages, its articles and its feeds.
  expect(await status(request, `/${oldSlug}`)).toEqual([301, `/${newSlug}`]);
  expect(await status(request, `/${oldSlug}/older/1478000000000-12`)).toEqual([301, `/${newSlug}/older/1478000000000-12`]);
  expect(await status(request, `/${oldSlug}/${story.slug}`)).toEqual([301, `/${newSlug}/${story.slug}`]);
  expect(await status(request, `/feeds/${oldSlug}/rss.xml`)).toEqual([301, `/feeds/${newSlug}/rss.xml`]);
  expect(await status(request, `/${newSlug}`)).toEqual([200, null]);
  expect(await status(request, `/${newSlug}/${story.slug}`)).toEqual([200, null]);
  expect(await db.auditEntry.count({ where: { action: 'section.renamed', targetId: String(section.id), actorId: editor.id } })).toBe(1);

  // Reorder: one step up puts it before the section that was before it, on the public site too.
  const before = await navigation(page);
  const previous = before.at(-2)!;
  await page.goto('/admin/sections');
  await page.getByRole('button', { name: `Move ${word} News up` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Navigation reordered.');
  const after = await navigation(page);
  expect(after.slice(-2)).toEqual([newSlug, previous]);

  // Retire: out of the navigation and the home page's section blocks; its front says so and its
  // article still opens.
  await page.goto('/');
  await expect(page.getByRole('main').locator(`a[href="/${newSlug}"]`)).not.toHaveCount(0);
  await page.goto('/admin/sections');
  await page.getByRole('button', { name: `Retire ${word} News` }).click();
  await expect(page.getByRole('status')).toContainText('Section retired');
  expect(await navigation(page)).not.toContain(newSlug);
  await expect(page.getByRole('main').locator(`a[href="/${newSlug}"]`)).toHaveCount(0);
  expect(await status(request, `/${newSlug}/${story.slug}`)).toEqual([200, null]);
  await page.goto(`/${newSlug}`);
  await expect(page.getByRole('note')).toHaveText(/This section is no longer updated/);
  // The page with a retired section is still free of violations.
  await page.goto('/admin/sections');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: `Restore ${word} News` }).click();
  await expect(page.getByRole('status')).toHaveText('Section restored to the navigation.');
  expect(await navigation(page)).toContain(newSlug);
});

test('a writer gets the Forbidden page, and a forged post to the action changes nothing', async ({ page, browser, baseURL }) => {
  await signIn(page, editor);
  await page.goto('/admin/sections');
  const createId = await actionIdOf(page, 'form:has(button:text-is("Create section"))');

  const writerContext = await browser.newContext({ baseURL });
  const writerPage = await writerContext.newPage();
  await signIn(writerPage, writer);
  await writerPage.goto('/admin/sections');
  await expect(writerPage.getByRole('heading', { level: 1 })).toHaveText('Not for your role');
  await expect(writerPage.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Sections' })).toHaveCount(0);
  const slug = uniqueWord('forged').toLowerCase();
  const forged = await writerPage.request.post('/admin/sections', {
    multipart: { [`$ACTION_ID_${createId}`]: '', name: 'Forged', slug },
    headers: { Origin: new URL(baseURL!).origin, 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect([forged.status(), forged.headers().location]).toEqual([303, '/admin/sections?error=role']);
  expect(await db.section.count({ where: { slug } })).toBe(0);
  await writerContext.close();
});
