// Editing together and around an article: two editors in conflict (nothing lost), revisions and
// restore, related links (add, reorder by keyboard, remove, seen by readers), media upload.
import { paragraphsBody } from '@/lib/articles/body/columns';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { asHtmlText, newsroomAccount, signIn, someSection, uniqueWord, waitForPublic, type Account } from './admin-support';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { getRevision } from '@/lib/revisions/queries';

let editorA: Account;
let editorB: Account;

test.beforeAll(async () => {
  editorA = await newsroomAccount('editor');
  editorB = await newsroomAccount('editor');
});

async function draft(author: Account, headline: string) {
  const section = await someSection();
  const created = await createArticle(author, { headline, sectionId: section.id, body: paragraphsBody('First paragraph.'), standfirst: 'Original standfirst.' });
  return { ...created, section };
}

test('two editors save the same version: the second sees both, keeps what they typed, and nothing is lost', async ({ browser }) => {
  const article = await draft(editorA, `${uniqueWord('Conflict')} ferry timetable changes`);
  const one = await browser.newContext();
  const two = await browser.newContext();
  const pageA = await one.newPage();
  const pageB = await two.newPage();
  await signIn(pageA, editorA);
  await signIn(pageB, editorB);
  await pageA.goto(`/admin/articles/${article.id}`);
  await pageB.goto(`/admin/articles/${article.id}`);

  const headlineA = `${uniqueWord('Alpha')} timetable rewritten by A`;
  await pageA.getByRole('textbox', { name: 'Headline (required)' }).fill(headlineA);
  await pageA.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pageA.getByRole('status')).toHaveText('Saved.');

  const standfirstB = 'B wrote this standfirst while A was saving.';
  await pageB.getByRole('textbox', { name: 'Standfirst' }).fill(standfirstB);
  await pageB.getByTestId('body-editor').click();
  await pageB.keyboard.press('End');
  await pageB.keyboard.type(' B added this sentence.');
  await pageB.getByRole('button', { name: 'Save', exact: true }).click();

  const conflict = pageB.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  // B did not touch the headline: saving B's keeps A's (a three-way merge per field), so it is no conflict.
  await expect(conflict.getByTestId('conflict-kept')).toHaveText('You did not change Headline: saving yours keeps their version of it.');
  await expect(conflict.getByTestId('conflict-headline')).toHaveCount(0);
  await expect(conflict.getByTestId('conflict-standfirst').getByTestId('yours')).toHaveText(standfirstB);
  // What B typed is still in the form, body included.
  await expect(pageB.getByRole('textbox', { name: 'Standfirst' })).toHaveValue(standfirstB);
  await expect(pageB.getByTestId('body-editor')).toContainText('B added this sentence.');
  // Nothing of B's was written.
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).standfirst).toBe('Original standfirst.');

  await pageB.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(pageB.getByRole('status')).toHaveText('Saved.');
  const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect(row.standfirst).toBe(standfirstB);
  expect(row.headline).toBe(headlineA);
  expect(row.bodyText).toContain('B added this sentence.');
  expect(row.version).toBe(3);
  // A's version is kept in the history.
  expect((await getRevision(article.id, 2, editorA))?.snapshot.headline).toBe(headlineA);

  // The revisions page shows the difference and restores A's version as version 4.
  await pageA.goto(`/admin/articles/${article.id}/revisions?from=2&to=3`);
  await expect(pageA.getByTestId('revision-diff')).toContainText('[added: wrote this standfirst while A was saving.]');
  await expect(pageA.getByTestId('revision-diff').locator('ins')).toContainText(['wrote this standfirst while A was saving.']);
  await pageA.getByRole('button', { name: 'Restore version 2' }).click();
  await expect(pageA.getByRole('status')).toHaveText(/Revision restored/);
  const restored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect([restored.headline, restored.version]).toEqual([headlineA, 4]);
  await one.close();
  await two.close();
});

async function moveWithKeyboard(page: Page, name: string) {
  // Reach the button by keyboard and press it with Enter, as a keyboard user would.
  const button = page.getByRole('button', { name });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/reordered/);
}

test('related links: add an article and an external page, reorder by keyboard, remove; readers see the order', async ({ page, request }) => {
  const editor = editorA;
  const main = await draft(editor, `${uniqueWord('Related')} main story`);
  const targetHeadline = `${uniqueWord('Target')} linked story`;
  const target = await draft(editor, targetHeadline);
  await publishArticle(editor, target.id);
  await signIn(page, editor);
  await page.goto(`/admin/articles/${main.id}`);

  // Add an article found by search.
  await page.getByLabel('Words of the headline, or an id').fill(targetHeadline.split(' ')[0]!);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('button', { name: `Add: ${targetHeadline}` }).click();
  await expect(page.getByRole('status')).toHaveText('Related link added.');

  // Add an external page with a title and a picture.
  const picture = await db.media.findFirstOrThrow({ where: { kind: 'image' }, orderBy: { id: 'asc' } });
  await page.getByLabel('Address').fill('https://example.org/report.pdf');
  await page.getByLabel('Title', { exact: true }).fill('The full report');
  await page.getByLabel('Picture').selectOption(String(picture.id));
  await page.getByRole('button', { name: 'Add link' }).click();
  await expect(page.getByRole('status')).toHaveText('Related link added.');

  const items = page.getByTestId('related-editor-item');
  await expect(items).toHaveCount(2);
  // Cards as readers see them: the external card shows its picture.
  await expect(items.nth(1).getByRole('link', { name: 'The full report' })).toBeVisible();
  await expect(items.nth(1).locator('img')).toHaveCount(1);

  await moveWithKeyboard(page, 'Move up: The full report');
  await expect(items.nth(0)).toContainText('The full report');
  await moveWithKeyboard(page, 'Move down: The full report');
  await expect(items.nth(1)).toContainText('The full report');
  await moveWithKeyboard(page, 'Move up: The full report');

  // Published, readers see the links in the editor's order.
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status')).toHaveText(/Published/);
  const row = await db.article.findUniqueOrThrow({ where: { id: main.id } });
  const articlePath = `/${main.section.slug}/${row.slug}`;
  const html = await (await request.get(articlePath)).text();
  const report = html.indexOf('The full report');
  const linked = html.indexOf(asHtmlText(targetHeadline));
  expect(report).toBeGreaterThan(-1);
  expect(linked).toBeGreaterThan(report);

  // Remove one: gone from the page within a second.
  await page.getByRole('button', { name: 'Remove: The full report' }).click();
  await expect(page.getByRole('status')).toHaveText('Related link removed.');
  await expect(items).toHaveCount(1);
  await waitForPublic(request, articlePath, (status, body) => status === 200 && !body.includes('The full report'), Date.now() + 1000);
});

test('media upload: an image with alt text gets renditions; a disguised file and a missing alt are refused', async ({ page }, testInfo) => {
  await signIn(page, editorA);
  const dir = testInfo.outputPath('uploads');
  fs.mkdirSync(dir, { recursive: true });
  const image = path.join(dir, 'harbour.jpg');
  fs.writeFileSync(image, await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2266aa' } }).jpeg().toBuffer());
  const fake = path.join(dir, 'innocent.jpg');
  fs.writeFileSync(fake, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

  await page.goto('/admin/media');
  await page.getByLabel('Image or video').setInputFiles(fake);
  await page.getByLabel(/^Alt text/).fill('Should not be stored');
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('main [role=alert]')).toContainText('none of those');

  await page.getByLabel('Image or video').setInputFiles(image);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('main [role=alert]')).toContainText('alt text');

  const alt = `${uniqueWord('Harbour')} at dawn`;
  await page.getByLabel('Image or video').setInputFiles(image);
  await page.getByLabel(/^Alt text/).fill(alt);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toHaveText('Uploaded.');
  const media = await db.media.findFirstOrThrow({ where: { alt } });
  // Crops for crawlers, no srcset widths: next/image makes the page's widths from the original.
  const renditions = media.renditions as { crops: Record<string, { path: string; width: number; height: number }> };
  expect(Object.keys(renditions)).toEqual(['crops']);
  expect(Object.keys(renditions.crops).sort()).toEqual(['16x9', '1x1', '4x3']);
  expect(fs.existsSync(path.join(config.MEDIA_ROOT, renditions.crops['16x9']!.path))).toBe(true);
  // The library shows it, and the file is served.
  const item = page.locator(`[data-media-id="${media.id}"]`);
  await expect(item.getByRole('img', { name: alt })).toBeVisible();
  expect(await item.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  expect(await db.media.count({ where: { alt: 'Should not be stored' } })).toBe(0);

  // A video bigger than a proxy or a server action would take (11 MB), with its poster.
  const video = Buffer.concat([fs.readFileSync(path.join(config.projectRoot, 'prisma', 'legacy', 'placeholder.mp4')), Buffer.alloc(11 * 1024 * 1024)]);
  const videoAlt = `${uniqueWord('Ferry')} leaving port`;
  await page.getByLabel('Image or video').setInputFiles({ name: 'ferry.mp4', mimeType: 'video/mp4', buffer: video });
  await page.getByLabel(/^Alt text/).fill(videoAlt);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('main [role=alert]')).toContainText('poster');
  await page.getByLabel('Image or video').setInputFiles({ name: 'ferry.mp4', mimeType: 'video/mp4', buffer: video });
  await page.getByLabel(/^Alt text/).fill(videoAlt);
  await page.getByLabel('Poster image (required for videos)').setInputFiles(image);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toHaveText('Uploaded.');
  const stored = await db.media.findFirstOrThrow({ where: { alt: videoAlt, kind: 'video' }, include: { poster: true } });
  expect([stored.kind, stored.mimeType, stored.bytes]).toEqual(['video', 'video/mp4', video.length]);
  expect(stored.poster?.kind).toBe('image');
});

test('media upload over the limit: 413 naming the limit, read no further than the limit, nothing stored', async ({ page, baseURL }) => {
  await signIn(page, editorA);
  const rowsBefore = await db.media.count();
  // A JPEG head, then zeros: one byte more than MEDIA_MAX_IMAGE_BYTES (20 MB by default).
  const buffer = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(config.MEDIA_MAX_IMAGE_BYTES - 3)]);
  const response = await page.request.post('/api/admin/media', {
    headers: { accept: 'application/json', origin: baseURL! },
    multipart: { alt: 'Far too big', file: { name: 'big.jpg', mimeType: 'image/jpeg', buffer } },
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toEqual({ error: 'Images can be at most 20 MB: this one is larger.' });
  expect(await db.media.count()).toBe(rowsBefore);
  const incoming = path.join(config.MEDIA_ROOT, '.incoming');
  expect(fs.existsSync(incoming) ? fs.readdirSync(incoming) : []).toEqual([]);
});
