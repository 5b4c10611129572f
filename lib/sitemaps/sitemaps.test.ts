import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { makeArticle, makeContributor, makeImage, makeSection, makeTag, makeVideo } from '@/testing/rows';
import {
  articlesDocument,
  chunkExists,
  documentText,
  newsDocument,
  authorsDocument,
  sectionsDocument,
  sitemapIndexDocument,
  sitemapIndexEntries,
  tagsDocument,
} from '@/lib/sitemaps/documents';
import { newsSitemapEntries, sitemapMonths, tagSitemapParts } from '@/lib/sitemaps/queries';
import { parseMonthChunk } from '@/lib/sitemaps/urls';
import { xsdValidator, type XsdValidator } from '@/testing/sitemap-xsd';
import { needs } from '@/testing/services';

const site = 'http://localhost:3000';
const now = new Date('2024-03-20T12:00:00Z');
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name) });
const validator = xsdValidator();

type UrlNode = { loc: string; lastmod?: string; 'image:image'?: { 'image:loc': string }[]; 'video:video'?: Record<string, string | number> };

// Every document the tests build is validated against its XSD at the end of the file, in tests of
// their own: without xmllint or the XSDs those are skipped with the reason, never passed.
const built: { what: string; xml: string; schema: 'siteindex.xsd' | 'sitemap-all.xsd' }[] = [];
function validateLater(xml: string, schema: 'siteindex.xsd' | 'sitemap-all.xsd', what: string) {
  built.push({ what, xml, schema });
}

const urlsOf = (xml: string): UrlNode[] => parser.parse(xml).urlset?.url ?? [];

let ids: Record<string, number> = {};

beforeAll(async () => {
  const world = await makeSection('world', 'World', 1);
  const sport = await makeSection('sport', 'Sport & Games', 2);
  const syria = await makeTag('syria', 'Syria');
  const unused = await makeTag('unused', 'Unused');
  const image = await makeImage();
  const video = await makeVideo(125);
  // Contributors: one with public articles (its page in the authors sitemap), one with only a draft.
  const writer = await makeContributor({ name: 'Sitemap Writer', slug: 'sitemap-writer' });
  const drafter = await makeContributor({ name: 'Draft Only', slug: 'draft-only' });
  const jan = await makeArticle({ sectionId: world.id, slug: 'january-story', publishedAt: new Date('2024-01-15T10:00:00Z'), leadMediaId: image.id, tagIds: [syria.id], contributorIds: [writer.id] });
  await makeArticle({ sectionId: world.id, slug: 'draft-by-drafter', status: 'draft', publishedAt: null, contributorIds: [drafter.id, writer.id] });
  // A slug in its own script (issue 12): percent-encoded UTF-8 in <loc>.
  await makeArticle({ sectionId: world.id, slug: 'گزارش-ویژه', publishedAt: new Date('2024-01-20T10:00:00Z') });
  const febVideo = await makeArticle({
    sectionId: sport.id,
    slug: 'february-video',
    headline: 'A match & a "video" <live>',
    contentType: 'video',
    // No standfirst: the video is described by the start of its text (read for such rows only).
    standfirst: '',
    body: '<p>Extra time in the rain, then penalties.</p>',
    publishedAt: new Date('2024-02-10T09:00:00Z'),
    modifiedAt: new Date('2024-02-11T09:00:00Z'),
    leadMediaId: video.id,
  });
  const recent = await makeArticle({ sectionId: world.id, slug: 'yesterday', publishedAt: new Date('2024-03-19T15:00:00Z') });
  const old = await makeArticle({ sectionId: world.id, slug: 'three-days-ago', publishedAt: new Date('2024-03-17T11:00:00Z') });
  const unpublished = await makeArticle({ sectionId: world.id, slug: 'pulled', status: 'unpublished', publishedAt: new Date('2024-03-19T16:00:00Z'), tagIds: [unused.id] });
  const draft = await makeArticle({ sectionId: world.id, slug: 'draft', status: 'draft', publishedAt: null });
  const scheduled = await makeArticle({ sectionId: world.id, slug: 'scheduled', status: 'scheduled', publishedAt: new Date('2024-03-21T08:00:00Z') });
  // Published but dated after "now": not visible yet either.
  const future = await makeArticle({ sectionId: world.id, slug: 'future', publishedAt: new Date('2024-04-02T08:00:00Z') });
  ids = { jan: jan.id, febVideo: febVideo.id, recent: recent.id, old: old.id, unpublished: unpublished.id, draft: draft.id, scheduled: scheduled.id, future: future.id };
});

describe('the sitemap index', () => {
  it('lists sections, news, tags and one sitemap per month holding public articles', async () => {
    const months = await sitemapMonths(now);
    expect(months.map((month) => [month.year, month.month, month.count])).toEqual([
      [2024, 1, 2],
      [2024, 2, 1],
      [2024, 3, 2],
    ]);
    const xml = await documentText(sitemapIndexDocument(sitemapIndexEntries(months, await tagSitemapParts(now))));
    validateLater(xml, 'siteindex.xsd', 'the sitemap index');
    const locs = (parser.parse(xml).sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc);
    expect(locs).toEqual([
      `${site}/sitemaps/sections.xml`,
      `${site}/sitemaps/news.xml`,
      `${site}/sitemaps/authors.xml`,
      `${site}/sitemaps/tags-1.xml`,
      `${site}/sitemaps/articles/2024-03.xml`,
      `${site}/sitemaps/articles/2024-02.xml`,
      `${site}/sitemaps/articles/2024-01.xml`,
    ]);
    expect(chunkExists(months, parseMonthChunk('2024-02.xml')!)).toBe(true);
    expect(chunkExists(months, parseMonthChunk('2024-02-2.xml')!)).toBe(false);
    expect(chunkExists(months, parseMonthChunk('2023-12.xml')!)).toBe(false);
  });

  it('names chunks one way only', () => {
    expect(parseMonthChunk('2024-02.xml')).toEqual({ year: 2024, month: 2, part: 1 });
    expect(parseMonthChunk('2024-02-3.xml')).toEqual({ year: 2024, month: 2, part: 3 });
    for (const bad of ['2024-02-1.xml', '2024-13.xml', '2024-2.xml', '2024-02.XML', '../etc.xml', '2024-02-0.xml']) {
      expect(parseMonthChunk(bad)).toBeNull();
    }
  });
});

describe('article sitemaps', () => {
  it('a month lists its public articles with lastmod, image and video extensions', async () => {
    const feb = await documentText(articlesDocument({ year: 2024, month: 2, part: 1 }, now));
    validateLater(feb, 'sitemap-all.xsd', 'articles 2024-02');
    const [entry, ...others] = urlsOf(feb);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ loc: `${site}/sport/february-video`, lastmod: '2024-02-11T09:00:00.000Z' });
    expect(entry!['video:video']).toMatchObject({
      'video:title': 'A match & a "video" <live>',
      'video:description': 'Extra time in the rain, then penalties.',
      'video:duration': 125,
      'video:publication_date': '2024-02-10T09:00:00.000Z',
    });
    expect(String(entry!['video:video']!['video:content_loc'])).toMatch(/^http:\/\/localhost:3000\/media\/test\/.+\.mp4$/);
    expect(feb).toContain('A match &amp; a "video" &lt;live&gt;');

    const jan = urlsOf(await documentText(articlesDocument({ year: 2024, month: 1, part: 1 }, now)));
    expect(jan.map((url) => url.loc)).toEqual([`${site}/world/january-story`, `${site}/world/%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4-%D9%88%DB%8C%DA%98%D9%87`]);
    expect(jan[0]!['image:image']![0]!['image:loc']).toMatch(/^http:\/\/localhost:3000\/media\/test\/.+\.jpg$/);
  });

  it('leaves out unpublished, draft, scheduled and future-dated articles', async () => {
    const march = await documentText(articlesDocument({ year: 2024, month: 3, part: 1 }, now));
    validateLater(march, 'sitemap-all.xsd', 'articles 2024-03');
    expect(urlsOf(march).map((url) => url.loc)).toEqual([`${site}/world/three-days-ago`, `${site}/world/yesterday`]);
    const april = await documentText(articlesDocument({ year: 2024, month: 4, part: 1 }, now));
    expect(urlsOf(april)).toEqual([]);
  });
});

describe('sections, tags and news', () => {
  it('the sections sitemap has home and every section front', async () => {
    const xml = await documentText(sectionsDocument(now));
    validateLater(xml, 'sitemap-all.xsd', 'sections');
    expect(urlsOf(xml).map((url) => url.loc)).toEqual([`${site}/`, `${site}/world`, `${site}/sport`]);
    expect(urlsOf(xml)[0]!.lastmod).toBe('2024-03-19T15:00:00.000Z');
  });

  it('the authors sitemap lists contributors with public articles, lastmod their newest story or profile change', async () => {
    const xml = await documentText(authorsDocument(now));
    validateLater(xml, 'sitemap-all.xsd', 'authors');
    const writer = await db.contributor.findUniqueOrThrow({ where: { slug: 'sitemap-writer' }, select: { updatedAt: true } });
    expect(urlsOf(xml).map((url) => [url.loc, url.lastmod])).toEqual([[`${site}/author/sitemap-writer`, new Date(Math.max(writer.updatedAt.getTime(), Date.parse('2024-01-15T10:00:00Z'))).toISOString()]]);
  });

  it('the tags sitemap lists tags that have public articles', async () => {
    const xml = await documentText(tagsDocument(1, now));
    validateLater(xml, 'sitemap-all.xsd', 'tags 1');
    expect(urlsOf(xml).map((url) => url.loc)).toEqual([`${site}/tag/syria`]);
    expect(await tagSitemapParts(now)).toBe(1);
  });

  it('the news sitemap has the last 48 hours only, newest first, with publication name and language', async () => {
    const xml = await documentText(newsDocument(await newsSitemapEntries(now)));
    validateLater(xml, 'sitemap-all.xsd', 'news');
    const urls = parser.parse(xml).urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
    expect(urls.map((url) => url.loc)).toEqual([`${site}/world/yesterday`]);
    expect(urls[0]!['news:news']).toEqual({
      'news:publication': { 'news:name': 'Lede', 'news:language': 'en' },
      'news:publication_date': '2024-03-19T15:00:00.000Z',
      'news:title': expect.stringMatching(/^Story number/),
    });
  });

});

describe('a month bigger than one file', () => {
  // The 50,000 limit is a parameter so the split, the skip and the keyset batches can be exercised with
  // a few hundred rows; the real limit is checked on its own below.
  it('is split into parts, each read in keyset batches, with nothing lost or repeated', async () => {
    const section = await db.section.create({ data: { slug: 'bulk', name: 'Bulk' } });
    const start = Date.UTC(2023, 5, 1);
    const rows = Array.from({ length: 205 }, (_, i) => ({
      slug: `bulk-${i}`,
      headline: `Bulk ${i}`,
      status: 'published' as const,
      sectionId: section.id,
      // Triples share a timestamp, so the keyset's id tiebreak is exercised across batch edges.
      publishedAt: new Date(start + Math.floor(i / 3) * 1000),
    }));
    await db.article.createMany({ data: rows });
    const perFile = 50;
    const months = await sitemapMonths(now);
    const june = months.find((month) => month.year === 2023 && month.month === 6)!;
    expect(june.count).toBe(205);
    const index = await documentText(sitemapIndexDocument(sitemapIndexEntries(months, 1, perFile)));
    validateLater(index, 'siteindex.xsd', 'the sitemap index, 50 per file');
    for (const name of ['2023-06.xml', '2023-06-2.xml', '2023-06-5.xml']) expect(index).toContain(`${site}/sitemaps/articles/${name}`);
    expect(index).not.toContain('2023-06-6.xml');

    const locs: string[] = [];
    for (let part = 1; part <= 5; part += 1) {
      const xml = await documentText(articlesDocument({ year: 2023, month: 6, part }, now, { perFile, batch: 7 }));
      validateLater(xml, 'sitemap-all.xsd', `articles 2023-06 part ${part}`);
      const urls = urlsOf(xml);
      expect(urls.length).toBe(part < 5 ? 50 : 5);
      locs.push(...urls.map((url) => url.loc));
    }
    expect(locs).toEqual(rows.map((row) => `${site}/bulk/${row.slug}`));
  });

  it('files hold at most the protocol\'s 50,000 URLs', async () => {
    const { urlsPerSitemap } = await import('@/lib/sitemaps/urls');
    expect(urlsPerSitemap).toBe(50_000);
    const { monthChunks } = await import('@/lib/sitemaps/documents');
    expect(monthChunks({ year: 2024, month: 1, count: 100_001, lastmod: null }).map((chunk) => chunk.part)).toEqual([1, 2, 3]);
    expect(monthChunks({ year: 2024, month: 1, count: 50_000, lastmod: null })).toHaveLength(1);
  });
});

describe('the XSDs (sitemaps.org and Google, with xmllint)', needs('unavailable' in validator ? validator.unavailable : null), () => {
  it('every document built above validates', () => {
    expect(built.map((document) => document.what)).toEqual([
      'the sitemap index',
      'articles 2024-02',
      'articles 2024-03',
      'sections',
      'authors',
      'tags 1',
      'news',
      'the sitemap index, 50 per file',
      ...[1, 2, 3, 4, 5].map((part) => `articles 2023-06 part ${part}`),
    ]);
    for (const { what, xml, schema } of built) {
      const result = (validator as XsdValidator).validate(xml, schema);
      expect(result.output, what).toMatch(/validates/);
      expect(result.ok, what).toBe(true);
    }
  });

  it('the XSD check can fail: a sitemap with a relative loc is refused', () => {
    const broken = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>';
    expect((validator as XsdValidator).validate(broken, 'sitemap-all.xsd').ok).toBe(false);
  });
});
