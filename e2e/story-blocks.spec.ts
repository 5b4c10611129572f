// The story model on the public page (issue 12): the demo article that uses every block type shows
// every block, its embed asks nothing of the third party until the reader clicks and then loads a
// sandboxed frame from the allowlisted origin, axe finds nothing, and without JavaScript the embed
// is a plain link. Also: an article's language sets lang and dir on its page.
import type { Page, Request } from '@playwright/test';
import { bodyDocumentSchema, type BlockOf, type BodyDocument } from '@/lib/articles/body/schema';
import { embedFrameOrigins, embedProviderName, parseProviderUrl } from '@/lib/articles/body/embeds';
import { db } from '@/lib/db/client';
import { readingMinutes } from '@/lib/articles/reading-time';
import { describeArticleChange } from '@/lib/articles/changes';
import { recordArticleRefresh } from '@/lib/cache/refresh';
import { accessibilityViolations, expect, test } from './support/fixtures';

const path = '/world/every-block-type';
let body: BodyDocument;
let wordCount: number;
let embed: BlockOf<'embed'>;

test.beforeAll(async () => {
  const row = await db.article.findUniqueOrThrow({ where: { slug: 'every-block-type' }, select: { body: true, wordCount: true } });
  body = bodyDocumentSchema.parse(row.body);
  wordCount = row.wordCount;
  embed = body.blocks.find((block): block is BlockOf<'embed'> => block.type === 'embed')!;
  expect(embed, 'the demo article has an embed').toBeTruthy();
});

/** Requests that leave the site (anything not on the page's own origin). */
function thirdParty(page: Page, origin: string): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') seen.push(request);
  });
  return seen;
}

test('every block is visible, each through its own element', async ({ page }) => {
  await page.goto(path);
  const types = new Set(body.blocks.map((block) => block.type));
  expect([...types].sort()).toEqual(['articleCard', 'divider', 'embed', 'factBox', 'heading', 'list', 'paragraph', 'picture', 'pullQuote', 'quote', 'table', 'video']);
  const rendered = page.getByTestId('article-body').locator(':scope > *');
  await expect(rendered).toHaveCount(body.blocks.length);
  for (let index = 0; index < body.blocks.length; index++) await expect(rendered.nth(index), `block ${index} (${body.blocks[index]!.type})`).toBeVisible();
  const article = page.getByTestId('article-body');
  await expect(article.locator('figure img[srcset]').first()).toBeVisible();
  await expect(article.locator('figure video[poster]')).toHaveCount(body.blocks.filter((block) => block.type === 'video').length);
  await expect(article.locator('table th[scope="col"]').first()).toBeVisible();
  await expect(article.getByTestId('article-card').getByRole('link')).toHaveAttribute('href', /^\/[a-z0-9-]+\/[^/]+$/);
  await expect(page.getByTestId('reading-time')).toHaveText(`${readingMinutes(wordCount)} min read`);
});

test('a body picture loads a rendition of its width through the short address, and the file itself is still served', async ({ page, request }) => {
  await page.goto(path);
  const picture = page.getByTestId('article-body').locator('figure img[srcset]').first();
  await picture.scrollIntoViewIfNeeded();
  // The widths in short form (lib/media/rendition-url.ts), none through /_next/image's long query, and
  // none past the file's own 1,200 pixels (lib/media/srcset.ts: the optimizer never enlarges).
  const srcset = (await picture.getAttribute('srcset'))!;
  expect(await picture.getAttribute('width')).toBe('1200');
  expect(srcset.split(',').map((entry) => entry.split(' ')[1])).toEqual(['480w', '828w', '1200w']);
  for (const entry of srcset.split(',')) expect(entry).toMatch(/^\/media\/\d+w\/\S+ \d+w$/);
  // It fills the column (app/globals.css), its height from its ratio.
  const box = (await picture.boundingBox())!;
  const column = (await page.getByTestId('article-body').boundingBox())!;
  expect(Math.abs(box.width - column.width)).toBeLessThan(1);
  expect(Math.abs(box.height - (column.width * 900) / 1200)).toBeLessThan(1.5);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const chosen = await picture.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
  expect(chosen).toMatch(/^\/media\/\d+w\//);
  // The optimizer answers it (a resized AVIF or WebP, as next/image's own address would), and no width
  // it does not write is made: that address is a media path like any other, which no file has.
  const rendition = await request.get(chosen, { headers: { accept: 'image/avif,image/webp,*/*' } });
  expect(rendition.status()).toBe(200);
  expect(rendition.headers()['content-type']).toMatch(/^image\/(avif|webp)$/);
  const original = chosen.replace(/^\/media\/\d+w\//, '/media/');
  expect((await request.get(original)).status()).toBe(200);
  expect((await request.get(original.replace('/media/', '/media/999w/'))).status()).toBe(404);
});

test('an embed asks nothing of its provider until the reader clicks, then loads a sandboxed frame from the allowlisted origin', async ({ page, baseURL }) => {
  const parsed = parseProviderUrl(embed.provider, embed.url)!;
  const frameOrigin = new URL(parsed.frameSrc).origin;
  expect(embedFrameOrigins).toContain(frameOrigin);
  // No internet here: the provider's frame is answered locally, and only once asked for.
  await page.route(`${frameOrigin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title><p>embedded</p>' }));
  const outside = thirdParty(page, new URL(baseURL!).origin);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const figure = page.locator(`figure[data-embed="${embed.provider}"]`);
  await figure.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  expect(outside.map((request) => request.url())).toEqual([]);
  await expect(figure.locator('iframe')).toHaveCount(0);

  await figure.getByRole('button', { name: `Load ${embedProviderName(embed.provider)} content` }).click();
  const frame = figure.locator('iframe');
  await expect(frame).toHaveAttribute('src', parsed.frameSrc);
  await expect(frame).toHaveAttribute('sandbox', /^allow-scripts allow-same-origin allow-popups( allow-presentation)?$/);
  await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  await expect(frame).toHaveAttribute('title', /.+/);
  await expect(page.frameLocator(`figure[data-embed="${embed.provider}"] iframe`).getByText('embedded')).toBeVisible();
  expect(outside.map((request) => new URL(request.url()).origin)).toEqual([frameOrigin]);
});

test('axe-core finds no WCAG A/AA violation on the page with every block type, before and after loading the embed', async ({ page }) => {
  await page.route(/^https:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>embed</title><p>embedded</p></html>' }));
  await page.goto(path);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.locator(`figure[data-embed="${embed.provider}"]`).getByRole('button').click();
  await expect(page.locator(`figure[data-embed="${embed.provider}"] iframe`)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the embed is a plain link to the post, with no button and no frame', async ({ page }) => {
    await page.goto(path);
    const figure = page.locator(`figure[data-embed="${embed.provider}"]`);
    const name = embedProviderName(embed.provider);
    await expect(figure.getByRole('link', { name: `View on ${name}` })).toHaveAttribute('href', embed.url);
    await expect(figure.getByRole('button')).toHaveCount(0);
    await expect(figure.locator('iframe')).toHaveCount(0);
  });
});

test('an article in Persian is laid out right to left: lang and dir on the article, its headline, kicker and standfirst follow', async ({ page }) => {
  const article = await db.article.findFirstOrThrow({
    where: { status: 'published', publishedAt: { lte: new Date() }, language: '', slug: { not: 'every-block-type' } },
    orderBy: { id: 'desc' },
    select: { id: true, slug: true, section: { select: { slug: true } } },
  });
  // Written as a CLI would: the change and its page refresh in one transaction (the outbox), which
  // the running app carries out within its poll.
  await db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: article.id }, data: { language: 'fa', kicker: 'تحلیل!' } });
    await recordArticleRefresh(tx, await describeArticleChange(article.id, tx));
  });
  await page.waitForTimeout(300);
  await page.goto(`/${article.section.slug}/${article.slug}`);
  const element = page.locator('article[lang]');
  await expect(element).toHaveAttribute('lang', 'fa');
  await expect(element).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('kicker')).toHaveText('تحلیل!');
  expect(await page.getByTestId('kicker').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
  expect(await page.getByTestId('headline').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');

  await page.goto(path);
  await expect(page.locator('article[lang]')).toHaveAttribute('dir', 'ltr');
});
