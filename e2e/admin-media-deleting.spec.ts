// Deleting media (issue 10, defect 12): an editor deletes an image no article uses (its row and every
// file go, its /media URLs answer 404), is refused for one an article uses (the article is named), and
// a writer cannot delete at all: not from the page, not with a forged action, not through the API.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { actionIdOf, newsroomAccount, signIn, someSection, uniqueWord, type Account } from './admin-support';
import { createArticle } from '@/lib/articles/commands/save';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

let editor: Account;
let writer: Account;

test.beforeAll(async () => {
  [editor, writer] = await Promise.all([newsroomAccount('editor'), newsroomAccount('writer')]);
});

/** Uploads an image through the library's form, as an editor does; returns its row. */
async function upload(page: Page, dir: string, alt: string) {
  const file = path.join(dir, `${alt.replace(/\W+/g, '-')}.jpg`);
  fs.writeFileSync(file, await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#2266aa' } }).jpeg().toBuffer());
  await page.goto('/admin/media');
  await page.getByLabel('Image or video').setInputFiles(file);
  await page.getByLabel(/^Alt text/).fill(alt);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toHaveText('Uploaded.');
  return db.media.findFirstOrThrow({ where: { alt } });
}

function postDelete(request: APIRequestContext, actionId: string, mediaId: number, origin: string) {
  return request.post('/admin/media', {
    multipart: { [`$ACTION_ID_${actionId}`]: '', mediaId: String(mediaId) },
    headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/** The original and every rendition the row lists (read here, not from lib/, to hold lib/ to it). */
function mediaFilesOf(media: { path: string; renditions: unknown }): string[] {
  const set = (media.renditions ?? {}) as { widths?: { path: string }[]; crops?: Record<string, { path: string }> };
  return [media.path, ...(set.widths ?? []).map((r) => r.path), ...Object.values(set.crops ?? {}).map((r) => r.path)];
}

const onDisk = (files: string[]) => files.filter((file) => fs.existsSync(path.join(config.MEDIA_ROOT, file)));

test('an editor deletes an unused image and is refused for one in use; a writer cannot delete', async ({ page, browser, baseURL }, testInfo) => {
  const origin = new URL(baseURL!).origin;
  const dir = testInfo.outputPath('uploads');
  fs.mkdirSync(dir, { recursive: true });
  await signIn(page, editor);
  const unused = await upload(page, dir, `${uniqueWord('Unused')} harbour`);
  const used = await upload(page, dir, `${uniqueWord('Used')} harbour`);
  const spare = await upload(page, dir, `${uniqueWord('Spare')} harbour`);
  const headline = `${uniqueWord('Lead')} story with a picture`;
  await createArticle(editor, { headline, sectionId: (await someSection()).id, leadMediaId: used.id });
  const unusedFiles = mediaFilesOf(unused);
  expect(unusedFiles.length).toBeGreaterThan(1);
  expect((await page.request.get(`/media/${unused.path}`)).status()).toBe(200);

  // Unused: the confirmation says nothing uses it; deleting removes the row, every file and the URLs.
  await page.goto('/admin/media');
  await page.getByRole('link', { name: `Delete image #${unused.id}` }).click();
  const panel = page.getByTestId('media-delete');
  await expect(panel).toContainText('No article uses it.');
  // The server-rendered page carries the action's id (what a forger would read; used below).
  await page.reload();
  const actionId = await actionIdOf(page, '[data-testid="media-delete"] form');
  await panel.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('status')).toHaveText('Media deleted, with all its files.');
  await expect(page.locator(`[data-media-id="${unused.id}"]`)).toHaveCount(0);
  expect(await db.media.count({ where: { id: unused.id } })).toBe(0);
  expect(onDisk(unusedFiles)).toEqual([]);
  for (const file of unusedFiles) expect.soft((await page.request.get(`/media/${file}`, { failOnStatusCode: false })).status(), file).toBe(404);
  expect(await db.auditEntry.count({ where: { action: 'media.deleted', targetId: String(unused.id) } })).toBe(1);

  // In use: the confirmation names the article and offers no delete button...
  await page.goto(`/admin/media?delete=${used.id}`);
  await expect(panel.getByTestId('media-uses')).toHaveText(`${headline} (lead media)`);
  await expect(panel.getByRole('button', { name: 'Delete permanently' })).toHaveCount(0);
  // ...and a delete posted anyway is refused, back on the confirmation with the article listed.
  const refused = await postDelete(page.request, actionId, used.id, origin);
  expect(refused.headers().location).toBe(`/admin/media?error=media-in-use&delete=${used.id}`);
  await page.goto(refused.headers().location!);
  await expect(page.locator('main [role=alert]')).toHaveText('This media is in use and was not deleted. Remove it from the articles listed below first.');
  await expect(panel.getByRole('link', { name: headline })).toHaveAttribute('href', /\/admin\/articles\/\d+$/);
  const api = await page.request.delete(`/api/admin/media/${used.id}`, { headers: { Origin: origin }, failOnStatusCode: false });
  expect(api.status()).toBe(409);
  expect((await api.json()).uses).toEqual([expect.objectContaining({ kind: 'lead', headline })]);
  expect(await db.media.count({ where: { id: used.id } })).toBe(1);
  expect(onDisk(mediaFilesOf(used))).toHaveLength(mediaFilesOf(used).length);

  // A writer: no delete link, no confirmation, a forged action and the API refused; nothing deleted.
  const writerContext = await browser.newContext({ baseURL });
  const writerPage = await writerContext.newPage();
  await signIn(writerPage, writer);
  await writerPage.goto(`/admin/media?delete=${spare.id}`);
  await expect(writerPage.locator(`[data-media-id="${spare.id}"]`)).toHaveCount(1);
  await expect(writerPage.getByRole('link', { name: /^Delete image/ })).toHaveCount(0);
  await expect(writerPage.getByTestId('media-delete')).toHaveCount(0);
  const forged = await postDelete(writerPage.request, actionId, spare.id, origin);
  expect(forged.headers().location).toBe('/admin/media?error=media-forbidden');
  const writerApi = await writerPage.request.delete(`/api/admin/media/${spare.id}`, { headers: { Origin: origin }, failOnStatusCode: false });
  expect(writerApi.status()).toBe(403);
  expect(await db.media.count({ where: { id: spare.id } })).toBe(1);
  expect(onDisk(mediaFilesOf(spare))).toHaveLength(mediaFilesOf(spare).length);
  await writerContext.close();

  // The editor's API delete of an unused image works (so the refusals above are about use and role).
  const allowed = await page.request.delete(`/api/admin/media/${spare.id}`, { headers: { Origin: origin }, failOnStatusCode: false });
  expect([allowed.status(), await allowed.json()]).toEqual([200, { deleted: [spare.id] }]);
  expect(onDisk(mediaFilesOf(spare))).toEqual([]);
});
