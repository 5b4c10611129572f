// robots.txt and every sitemap as a crawler finds them: from robots.txt to the index to each file,
// each validated against the sitemaps.org and Google XSDs (../shared/schemas) with xmllint (skipped,
// with the reason, where xmllint or the XSDs are missing).
import { XMLParser } from 'fast-xml-parser';
import { db } from '@/lib/db/client';
import { xsdValidator, type XsdValidator } from '@/testing/sitemap-xsd';
import { addCorrection } from '@/lib/articles/commands/notes';
import { monthKey } from '@/lib/sitemaps/urls';
import { newsroomAccount } from './admin-support';
import { expect, legacyArticle, test } from './support/fixtures';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name) });
const validator = xsdValidator();


test('robots.txt lists the sitemaps and keeps crawlers out of admin, api and search', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  for (const path of ['/admin', '/api', '/search']) expect(text).toMatch(new RegExp(`^Disallow: ${path}$`, 'm'));
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(text).toContain(`Sitemap: ${baseURL}/sitemaps/news.xml`);
});

test('the sitemap index and every sitemap in it validate against the XSDs', async ({ request, baseURL }) => {
  test.skip('unavailable' in validator, 'unavailable' in validator ? validator.unavailable : '');
  const xsd = validator as XsdValidator;
  const indexXml = await (await request.get('/sitemap.xml')).text();
  const index = xsd.validate(indexXml, 'siteindex.xsd');
  expect(index.ok, `/sitemap.xml: ${index.output}`).toBe(true);
  const sitemaps = (parser.parse(indexXml).sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc);
  expect(sitemaps).toContain(`${baseURL}/sitemaps/news.xml`);
  for (const loc of sitemaps) {
    const result = xsd.validate(await (await request.get(loc.slice(baseURL!.length))).text(), 'sitemap-all.xsd');
    expect(result.ok, `${loc}: ${result.output}`).toBe(true);
  }
});

test('the sitemap index and every sitemap in it together list every published article once', async ({ request, baseURL }) => {
  const indexResponse = await request.get('/sitemap.xml');
  expect(indexResponse.status()).toBe(200);
  expect(indexResponse.headers()['content-type']).toMatch(/xml/);
  const indexXml = await indexResponse.text();
  const sitemaps = (parser.parse(indexXml).sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc);
  expect(sitemaps).toEqual(expect.arrayContaining([`${baseURL}/sitemaps/sections.xml`, `${baseURL}/sitemaps/news.xml`]));

  const articleLocs: string[] = [];
  let sawVideo = false;
  let sawImage = false;
  for (const loc of sitemaps) {
    expect(loc.startsWith(`${baseURL}/`), loc).toBe(true);
    const response = await request.get(loc.slice(baseURL!.length));
    expect(response.status(), loc).toBe(200);
    const xml = await response.text();
    const urls = (parser.parse(xml).urlset.url ?? []) as { loc: string; 'video:video'?: unknown; 'image:image'?: unknown[] }[];
    expect(urls.length, loc).toBeLessThanOrEqual(loc.endsWith('/news.xml') ? 1000 : 50_000);
    if (loc.includes('/sitemaps/articles/')) {
      articleLocs.push(...urls.map((url) => url.loc));
      sawVideo ||= urls.some((url) => url['video:video']);
      sawImage ||= urls.some((url) => url['image:image']?.length);
    }
  }
  const published = await db.article.findMany({ where: { status: 'published' }, select: { slug: true, section: { select: { slug: true } } } });
  expect(articleLocs.sort()).toEqual(published.map((article) => `${baseURL}/${article.section.slug}/${article.slug}`).sort());
  expect(articleLocs).toContain(`${baseURL}${legacyArticle.path}`);
  expect(sawVideo, 'a video extension for the video articles').toBe(true);
  expect(sawImage, 'an image extension for pictured articles').toBe(true);
});

test('sitemap URLs answer 200 and unknown sitemap names 404', async ({ request, baseURL }) => {
  const sections = parser.parse(await (await request.get('/sitemaps/sections.xml')).text()).urlset.url as { loc: string }[];
  for (const { loc } of sections) expect((await request.get(loc.slice(baseURL!.length), { maxRedirects: 0 })).status(), loc).toBe(200);
  for (const path of ['/sitemaps/articles/1999-01.xml', '/sitemaps/articles/2016-11-1.xml', '/sitemaps/tags-999.xml', '/sitemaps/nothing.xml']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('the Google News sitemap holds the last 48 hours only, with name, language, date and title', async ({ request }) => {
  const xml = await (await request.get('/sitemaps/news.xml')).text();
  const urls = (parser.parse(xml).urlset.url ?? []) as { 'news:news': { 'news:publication': { 'news:name': string; 'news:language': string }; 'news:publication_date': string; 'news:title': string } }[];
  const since = Date.now() - 48 * 3600 * 1000;
  const recent = await db.article.count({ where: { status: 'published', publishedAt: { gte: new Date(since) } } });
  expect(urls.length).toBe(Math.min(recent, 1000));
  for (const url of urls) {
    const news = url['news:news'];
    expect(news['news:publication']['news:name']).toBeTruthy();
    expect(news['news:publication']['news:language']).toMatch(/^[a-z]{2,3}$/);
    expect(Date.parse(news['news:publication_date'])).toBeGreaterThanOrEqual(since - 60_000);
    expect(news['news:title']).toBeTruthy();
  }
});

test('a correction of an article in a past month moves that month’s lastmod in the index at once', async ({ request }) => {
  // Each month's summary is cached under its own tag (lib/sitemaps/cached.ts): a change must expire the
  // month its article is dated in, not only the current one, or crawlers never re-read the old file.
  const monthLastmods = async (): Promise<Record<string, string | undefined>> => {
    const index = parser.parse(await (await request.get('/sitemap.xml')).text()).sitemapindex.sitemap as { loc: string; lastmod?: string }[];
    return Object.fromEntries(index.filter((entry) => entry.loc.includes('/sitemaps/articles/')).map((entry) => [entry.loc.replace(/^.*\/sitemaps\/articles\//, ''), entry.lastmod]));
  };
  const thisMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  // A generated demo article of an earlier month (not the legacy one, whose page other specs read whole).
  const old = await db.article.findFirst({
    where: { status: 'published', legacyId: null, publishedAt: { lt: thisMonth, gte: new Date('2020-01-01T00:00:00Z') } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, publishedAt: true },
  });
  test.skip(!old, 'the demo content holds no article before this month');
  const month = `${monthKey(old!.publishedAt!)}.xml`;
  const before = await monthLastmods();
  expect(Object.keys(before)).toContain(month);
  const editor = await newsroomAccount('editor');
  await addCorrection({ id: editor.id, role: 'editor' }, old!.id, { note: 'An earlier version of this story gave the wrong date.' });
  const { modifiedAt } = await db.article.findUniqueOrThrow({ where: { id: old!.id }, select: { modifiedAt: true } });
  // The server's outbox poller carries the refresh out (the correction was written from this process).
  await expect.poll(async () => (await monthLastmods())[month], { timeout: 10_000 }).toBe(modifiedAt!.toISOString());
});
