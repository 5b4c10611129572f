// Crawlers read metadata and JSON-LD off the HTML: each public page type is fetched as a crawler does
// (no JavaScript) and checked against what search engines document, with structured-data-testing-tool's
// Google preset as the outside judge.
import { db } from '@/lib/db/client';
import { googlePreset, jsonLdBlocks } from '@/testing/sdtt';
import { busiestSection, tagWithArticles } from './support/site-data';
import { expect, legacyArticle, test } from './support/fixtures';

type Head = { canonical: string | null; robots: string | null; meta: (key: string) => string | null; alternates: string[] };

function readHead(html: string): Head {
  const head = html.slice(0, html.indexOf('</head>'));
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  const metas = [...head.matchAll(/<meta [^>]+>/g)].map((match) => match[0]);
  const links = [...head.matchAll(/<link [^>]+>/g)].map((match) => match[0]);
  return {
    canonical: attr(links.find((link) => link.includes('rel="canonical"')) ?? '', 'href'),
    robots: attr(metas.find((meta) => meta.includes('name="robots"')) ?? '', 'content'),
    meta: (key) => attr(metas.find((meta) => meta.includes(`property="${key}"`) || meta.includes(`name="${key}"`)) ?? '', 'content'),
    alternates: links.filter((link) => link.includes('rel="alternate"')).map((link) => `${attr(link, 'type')} ${attr(link, 'href')}`),
  };
}

async function fetchPage(request: import('@playwright/test').APIRequestContext, path: string, status = 200) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  return response.text();
}

test.describe('metadata and structured data', () => {
  test('the video article: canonical, Open Graph article, Twitter card, NewsArticle + VideoObject + BreadcrumbList', async ({ request, baseURL }) => {
    const html = await fetchPage(request, legacyArticle.path);
    const head = readHead(html);
    expect(head.canonical).toBe(`${baseURL}${legacyArticle.path}`);
    expect(head.robots).toContain('max-image-preview:large');
    expect(head.meta('og:type')).toBe('article');
    expect(head.meta('article:published_time')).toBe('2016-11-02T16:20:06.000Z');
    expect(head.meta('article:modified_time')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(head.meta('article:section')).toBe('Middle East');
    expect(head.meta('og:image')).toMatch(new RegExp(`^${baseURL}/`));
    expect(Number(head.meta('og:image:width'))).toBeGreaterThan(0);
    expect(Number(head.meta('og:image:height'))).toBeGreaterThan(0);
    expect(head.meta('twitter:card')).toBe('summary_large_image');
    expect(head.alternates).toEqual([
      `application/rss+xml ${baseURL}/feeds/middle-east/rss.xml`,
      `application/atom+xml ${baseURL}/feeds/middle-east/atom.xml`,
    ]);

    const blocks = jsonLdBlocks(html);
    expect(blocks.map((block) => block['@type'])).toEqual(['NewsArticle', 'VideoObject', 'BreadcrumbList']);
    const [news, video] = blocks;
    expect(news).toMatchObject({ headline: legacyArticle.headline, articleSection: 'Middle East', isAccessibleForFree: true, datePublished: '2016-11-02T16:20:06.000Z' });
    expect((news!.headline as string).length).toBeLessThanOrEqual(110);
    expect(video).toMatchObject({ uploadDate: '2016-11-02T16:20:06.000Z', contentUrl: expect.stringMatching(/\.mp4$/), thumbnailUrl: expect.stringMatching(new RegExp(`^${baseURL}/`)) });

    const result = await googlePreset(html);
    expect(result.failed.map((failure) => failure.test)).toEqual([]);
    expect(result.schemas).toEqual(expect.arrayContaining(['NewsArticle', 'VideoObject', 'BreadcrumbList']));
  });

  test('a text article with a picture passes the Google preset and offers its image with a size', async ({ request, baseURL }) => {
    const article = await db.article.findFirstOrThrow({
      where: { status: 'published', contentType: 'text', leadMedia: { kind: 'image' }, tags: { some: {} } },
      orderBy: { publishedAt: 'desc' },
      select: { slug: true, section: { select: { slug: true } } },
    });
    const path = `/${article.section.slug}/${article.slug}`;
    const html = await fetchPage(request, path);
    const head = readHead(html);
    expect(head.canonical).toBe(`${baseURL}${path}`);
    expect(head.meta('article:tag')).toBeTruthy();
    const blocks = jsonLdBlocks(html);
    expect(blocks.map((block) => block['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    const images = blocks[0]!.image as { url: string; width: string; height: string }[];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(Number(image.width) * Number(image.height)).toBeGreaterThan(0);
    expect(blocks[0]!.keywords).toBeTruthy();
    const result = await googlePreset(html);
    expect(result.failed.map((failure) => failure.test)).toEqual([]);
    expect(result.schemas).toContain('NewsArticle');
  });

  test('home: WebSite with a SearchAction and the organisation; site feeds', async ({ request, baseURL }) => {
    const html = await fetchPage(request, '/');
    const head = readHead(html);
    expect(head.canonical?.replace(/\/$/, '')).toBe(baseURL);
    expect(head.alternates).toEqual([`application/rss+xml ${baseURL}/feeds/rss.xml`, `application/atom+xml ${baseURL}/feeds/atom.xml`]);
    const blocks = jsonLdBlocks(html);
    expect(blocks.map((block) => block['@type'])).toEqual(['WebSite', 'NewsMediaOrganization']);
    expect(blocks[0]).toMatchObject({ potentialAction: { '@type': 'SearchAction', target: { urlTemplate: `${baseURL}/search?q={search_term_string}` } } });
    const result = await googlePreset(html);
    expect(result.failed.map((failure) => failure.test)).toEqual([]);
    expect(result.schemas).toEqual(expect.arrayContaining(['WebSite', 'NewsMediaOrganization']));
  });

  test('section and tag fronts have their own canonical and feeds', async ({ request, baseURL }) => {
    const section = await busiestSection();
    const sectionHead = readHead(await fetchPage(request, `/${section.slug}`));
    expect(sectionHead.canonical).toBe(`${baseURL}/${section.slug}`);
    expect(sectionHead.alternates).toContain(`application/rss+xml ${baseURL}/feeds/${section.slug}/rss.xml`);
    expect(sectionHead.robots).toContain('index');
    const tag = await tagWithArticles();
    const tagHead = readHead(await fetchPage(request, `/tag/${tag.slug}`));
    expect(tagHead.canonical).toBe(`${baseURL}/tag/${tag.slug}`);
    expect(tagHead.alternates).toContain(`application/atom+xml ${baseURL}/feeds/tag/${tag.slug}/atom.xml`);
  });

  test('search results and error pages are noindex', async ({ request }) => {
    expect(readHead(await fetchPage(request, '/search?q=syria')).robots).toMatch(/noindex/);
    expect(readHead(await fetchPage(request, '/no-such-section-crawler', 404)).robots).toMatch(/noindex/);
    expect(readHead(await fetchPage(request, '/world/no-such-article-crawler', 404)).robots).toMatch(/noindex/);
  });

  test('admin answers noindex whatever it shows', async ({ request }) => {
    const response = await request.get('/admin', { maxRedirects: 0 });
    expect(response.headers()['x-robots-tag']).toMatch(/noindex/);
  });
});
