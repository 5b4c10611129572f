// The editor's safety nets (issue 12, item 7): two editors' saves merge field by field, "Publish now"
// refuses while the form holds unsaved text, leaving with unsaved text asks first, a pasted headline
// over the limit is said and kept whole, and right-to-left text lays out right in the admin fields.
import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations } from './support/fixtures';
import { newsroomAccount, signIn, someSection, uniqueWord, type Account } from './admin-support';
import type { Block } from '@/lib/articles/body/schema';
import { createArticle, updateArticle } from '@/lib/articles/commands/save';
import { db } from '@/lib/db/client';

let editorA: Account;
let editorB: Account;

test.beforeAll(async () => {
  editorA = await newsroomAccount('editor');
  editorB = await newsroomAccount('editor');
});

async function draft(author: Account, headline: string) {
  const section = await someSection();
  const created = await createArticle(author, { headline, sectionId: section.id, standfirst: 'Original standfirst.' });
  return { ...created, section };
}

/** Types as a person does (a trusted input event: the browser then lets the page ask before unload). */
async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByTestId('article-form').getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('"Save mine over theirs" keeps their standfirst and my headline', async ({ browser }) => {
  const article = await draft(editorA, `${uniqueWord('Merge')} ferry timetable changes`);
  const one = await browser.newContext();
  const two = await browser.newContext();
  const pageA = await one.newPage();
  const pageB = await two.newPage();
  await signIn(pageA, editorA);
  await signIn(pageB, editorB);
  // A and B open the same version.
  await pageA.goto(`/admin/articles/${article.id}`);
  await pageB.goto(`/admin/articles/${article.id}`);

  const standfirstB = 'B changed the standfirst and saved first.';
  await pageB.getByLabel('Standfirst').fill(standfirstB);
  await pageB.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pageB.getByRole('status')).toHaveText('Saved.');

  const headlineA = `${uniqueWord('Alpha')} headline changed by A`;
  await pageA.getByLabel('Headline (required)').fill(headlineA);
  await pageA.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = pageA.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-kept')).toHaveText('You did not change Standfirst: saving yours keeps their version of it.');
  await expect(conflict.getByTestId('conflict-headline').getByTestId('yours')).toHaveText(headlineA);

  await pageA.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(pageA.getByRole('status')).toHaveText('Saved.');
  const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect({ headline: row.headline, standfirst: row.standfirst, version: row.version }).toEqual({ headline: headlineA, standfirst: standfirstB, version: 3 });
  await one.close();
  await two.close();
});

test('"Publish now" with an unsaved headline refuses and says why; the site shows nothing until saved and published', async ({ page, request }) => {
  const article = await draft(editorA, `${uniqueWord('Saved')} saved headline`);
  await signIn(page, editorA);
  await page.goto(`/admin/articles/${article.id}`);
  const unsaved = `${uniqueWord('Unsaved')} headline not saved yet`;
  await typeInto(page, 'Headline (required)', unsaved);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'unsaved' })).toHaveText(
    'You have unsaved changes. Save them first: publishing puts the last saved version on the site, not what is in the form.',
  );
  // Nothing was published: the article is still a draft and its address answers 404.
  const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect(stored.status).toBe('draft');
  expect((await request.get(`/${article.section.slug}/${stored.slug}`)).status()).toBe(404);
  // Saved, then published: the site shows the headline the editor saw.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status')).toHaveText(/Published/);
  const published = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect([published.status, published.headline]).toEqual(['published', unsaved]);
  const response = await request.get(`/${article.section.slug}/${published.slug}`);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(unsaved);
});

test('leaving the edit page with unsaved text asks first: an app link, and a page load (beforeunload)', async ({ page }) => {
  const article = await draft(editorA, `${uniqueWord('Leave')} leaving the page`);
  await signIn(page, editorA);
  await page.goto(`/admin/articles/${article.id}`);
  // Nothing typed: the link just goes.
  await page.getByRole('link', { name: 'Revisions' }).click();
  await expect(page).toHaveURL(/\/revisions$/);
  await page.goto(`/admin/articles/${article.id}`);

  await typeInto(page, 'Standfirst', 'Typed, not saved.');
  const questions: string[] = [];
  page.once('dialog', async (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Revisions' }).click();
  await expect.poll(() => questions).toEqual(['confirm: You have unsaved changes in this article. Leave the page and lose them?']);
  // Dismissed: still here, with the text.
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${article.id}$`));
  await expect(page.getByLabel('Standfirst')).toHaveValue('Typed, not saved.');

  // A page load (reload, another address) gets the browser's own question.
  page.once('dialog', async (dialog) => {
    questions.push(dialog.type());
    await dialog.dismiss();
  });
  await page.reload({ timeout: 3_000 }).catch(() => null);
  await expect.poll(() => questions.at(-1)).toBe('beforeunload');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Typed, not saved.');

  // Saved: nothing to ask.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.getByRole('link', { name: 'Revisions' }).click();
  await expect(page).toHaveURL(/\/revisions$/);
  expect(questions).toHaveLength(2);
});

test('a pasted headline over 300 characters is kept whole and said, live and by the server', async ({ page, context }) => {
  const original = `${uniqueWord('Long')} a short headline`;
  const article = await draft(editorA, original);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, editorA);
  await page.goto(`/admin/articles/${article.id}`);
  const pasted = `${'Ministers agree a budget '.repeat(13)}after talks`;
  expect(pasted).toHaveLength(336);
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  const headline = page.getByLabel('Headline (required)');
  await headline.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  // Not cut: all of it is in the field, and the field says what is wrong.
  await expect(headline).toHaveValue(pasted);
  await expect(page.getByTestId('headline-length')).toHaveText('At most 300 characters: this headline has 336.');
  await expect(headline).toHaveAttribute('aria-invalid', 'true');
  // The server says the same, and keeps the text in the field.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#headline-error')).toHaveText('At most 300 characters: this headline has 336.');
  await expect(headline).toHaveValue(pasted);
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).headline).toBe(original);
  // Shortened to the limit, it saves.
  await headline.fill(pasted.slice(0, 300));
  await expect(page.getByTestId('headline-length')).toHaveText('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).headline).toBe(pasted.slice(0, 300));
});

test('a Persian kicker lays out right to left in the admin form (its ! on the left), and the page passes axe', async ({ page }) => {
  const article = await draft(editorA, `${uniqueWord('Rtl')} direction of the admin fields`);
  await signIn(page, editorA);
  await page.goto(`/admin/articles/${article.id}`);
  const form = page.getByTestId('article-form');
  const kicker = form.getByLabel('Kicker');
  await kicker.fill('تحلیل!');
  expect(await kicker.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // The same field without dir="auto" lays the same text out left to right, its ! on the right: what
  // every admin field did before (so the assertions above can fail).
  expect(await kicker.evaluate((element) => { element.removeAttribute('dir'); return getComputedStyle(element).direction; })).toBe('ltr');
  await kicker.evaluate((element) => element.setAttribute('dir', 'auto'));
  const related = page.getByRole('region', { name: 'Related links' }).getByLabel('Kicker');
  await related.fill('تحلیل!');
  expect(await related.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // English text in the same kind of field stays left to right.
  const credit = form.getByLabel('Source credit', { exact: true });
  await credit.fill('Sara Ahmadi');
  expect(await credit.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  for (const label of ['Headline (required)', 'Standfirst', 'Tags', 'Add a contributor', 'Source credit']) {
    const field = form.getByLabel(label, { exact: true });
    await field.fill('گزارش ویژه');
    expect(await field.evaluate((element) => getComputedStyle(element).direction), label).toBe('rtl');
  }
  // In the body, each block follows its own text: a Persian paragraph beside an English one.
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('گزارش ویژه!');
  await page.keyboard.press('Enter');
  await page.keyboard.type('An English line.');
  const persian = body.locator('p', { hasText: 'گزارش ویژه!' });
  expect(await persian.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  expect(await body.locator('p', { hasText: 'An English line.' }).evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the article form has a Language field (empty: the site’s), validated by the article schema', async ({ page }) => {
  const article = await draft(editorA, `${uniqueWord('Lang')} an article in Persian`);
  await signIn(page, editorA);
  await page.goto(`/admin/articles/${article.id}`);
  const language = page.getByTestId('article-form').getByLabel('Language');
  await expect(language).toHaveValue('');
  await expect(language).toHaveAttribute('placeholder', 'en');
  await language.fill('not a language!');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#language-error')).toHaveText('Give a language code such as en, fa, ar or en-GB (or leave it empty for the site’s language).');
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).language).toBe('');
  await language.fill('FA');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).language).toBe('fa');
});

test('the revisions page shows a body’s changes block by block: moved, words changed, added; axe passes', async ({ page }) => {
  const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const section = await someSection();
  const first = p('The council met on Tuesday evening.');
  const second = p('The minister said yes to the new ferry.');
  const third = p('Ferries will run every hour from Monday.');
  const { id } = await createArticle(editorA, { headline: `${uniqueWord('Blocks')} ferry report`, sectionId: section.id, body: { version: 1, blocks: [first, second, third] } });
  const edited = { version: 1, blocks: [second, third, first, p('A new closing paragraph.')].map((block) => (block === second ? p('The minister said no to the new ferry.') : block)) };
  expect(await updateArticle(editorA, id, { headline: 'Ferry report', sectionId: section.id, body: edited, version: 1 })).toMatchObject({ ok: true });
  await signIn(page, editorA);
  await page.goto(`/admin/articles/${id}/revisions?from=1&to=2`);
  const diff = page.getByTestId('revision-diff').getByTestId('block-diff');
  await expect(diff.getByTestId('block-changed')).toHaveText(/^Changed: Paragraph\s*The minister said \[removed: yes\]\[added: no\] to the new ferry\.$/);
  await expect(diff.getByTestId('block-moved')).toHaveText(/^Moved: Paragraph \(from position 1 to 3\)\s*The council met on Tuesday evening\.$/);
  await expect(diff.getByTestId('block-added')).toHaveText(/^Added: Paragraph\s*A new closing paragraph\.$/);
  await expect(diff.getByTestId('block-removed')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
});
