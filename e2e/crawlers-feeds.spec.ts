// Feeds as aggregators read them: RSS through rss-parser, Atom through an XML parse and Atom's
// required elements, each listing what the database holds, newest first, with absolute links.
import { bodyColumns, paragraphsBody } from '@/lib/articles/body/columns';
import crypto from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { feedSize } from '@/lib/feeds/queries';
import type { Prisma } from '@/lib/generated/prisma/client';
import { childText, childrenNamed, parseXmlStrict } from '@/lib/xml/strict-parse';
import { busiestSection, tagWithArticles } from './support/site-data';
import { expect, test } from './support/fixtures';

const rss = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });

async function newestPaths(where: Prisma.ArticleWhereInput, baseURL: string): Promise<string[]> {
  const rows = await db.article.findMany({
    where: { ...where, status: 'published' },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: feedSize,
    select: { slug: true, section: { select: { slug: true } } },
  });
  return rows.map((row) => `${baseURL}/${row.section.slug}/${row.slug}`);
}

test('site, section and tag feeds in RSS 2.0 and Atom list the newest published articles', async ({ request, baseURL }) => {
  const section = await busiestSection();
  const tag = await tagWithArticles();
  const sectionRow = await db.section.findUniqueOrThrow({ where: { slug: section.slug }, select: { id: true } });
  const tagRow = await db.tag.findUniqueOrThrow({ where: { slug: tag.slug }, select: { id: true } });
  const scopes: [string, Prisma.ArticleWhereInput][] = [
    ['/feeds', {}],
    [`/feeds/${section.slug}`, { sectionId: sectionRow.id }],
    [`/feeds/tag/${tag.slug}`, { tags: { some: { tagId: tagRow.id } } }],
  ];
  for (const [base, where] of scopes) {
    const expected = await newestPaths(where, baseURL!);
    expect(expected.length, base).toBeGreaterThan(0);

    const rssResponse = await request.get(`${base}/rss.xml`);
    expect(rssResponse.status()).toBe(200);
    expect(rssResponse.headers()['content-type']).toContain('application/rss+xml');
    const feed = await rss.parseString(await rssResponse.text());
    expect(feed.items.map((item) => item.link), `${base}/rss.xml`).toEqual(expected);
    const dates = feed.items.map((item) => Date.parse(item.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item['content:encoded'] ?? item.content).toBeTruthy();
      if (item.enclosure) expect(item.enclosure.url).toMatch(new RegExp(`^${baseURL}/media/`));
    }
    expect(feed.items.some((item) => item.enclosure), `${base}/rss.xml has media enclosures`).toBe(true);

    const atomResponse = await request.get(`${base}/atom.xml`);
    expect(atomResponse.status()).toBe(200);
    expect(atomResponse.headers()['content-type']).toContain('application/atom+xml');
    const atom = xml.parse(await atomResponse.text()).feed;
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated']) expect(atom[required], `${base}/atom.xml <${required}>`).toBeTruthy();
    const entries = atom.entry as { id: string; title: unknown; updated: string; published: string; link: { '@href': string; '@rel'?: string }[] }[];
    expect(entries.map((entry) => entry.link[0]!['@href'])).toEqual(expected);
    for (const entry of entries) {
      expect(entry.id).toBeTruthy();
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(Date.parse(entry.updated)).toBeGreaterThanOrEqual(Date.parse(entry.published));
    }
  }
});

test('the legacy article\'s date is its dateline, and unknown feeds are 404', async ({ request, baseURL }) => {
  const feed = await rss.parseString(await (await request.get('/feeds/middle-east/rss.xml')).text());
  const legacy = feed.items.find((item) => item.link === `${baseURL}/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov`);
  if (legacy) expect(legacy.isoDate).toBe('2016-11-02T16:20:06.000Z');
  for (const path of ['/feeds/no-such-section/rss.xml', '/feeds/tag/no-such-tag/atom.xml', '/feeds/feed.json', '/feeds/world/feed.json']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('a tag named with markup and control characters still gives well-formed feeds, every text exact', async ({ request, baseURL }) => {
  // Issue 10, defect 5: the `feed` package left "<" unescaped in Atom category labels.
  const suffix = crypto.randomBytes(4).toString('hex');
  const tagName = `<b>Ceasefire</b> & "talks" 'now'\t\u0001\r\n]]>`;
  // Not U+0000: PostgreSQL's text cannot store it (lib/xml/naughty-text.test.ts covers it on SQLite).
  const headline = `<script>alert(1)</script> &amp; ]]> \u0002 \uFFFE ok ${suffix}`;
  const section = await db.section.findFirstOrThrow({ orderBy: { position: 'asc' }, select: { id: true, slug: true, name: true } });
  const tag = await db.tag.create({ data: { slug: `e2e-naughty-${suffix}`, name: tagName } });
  const byline = `Sam <Writer> & "Co"\u0008`;
  const contributor = await db.contributor.create({ data: { name: byline, slug: `e2e-naughty-writer-${suffix}` } });
  const article = await db.article.create({
    data: {
      slug: `e2e-naughty-feed-${suffix}`,
      headline,
      contributors: { create: [{ contributorId: contributor.id, position: 0 }] },
      ...bodyColumns(paragraphsBody('Body.')),
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
      sectionId: section.id,
      tags: { create: [{ tagId: tag.id, position: 0 }] },
    },
  });
  // XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor U+FFFE: those are dropped.
  const representable = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  const link = `${baseURL}/${section.slug}/${article.slug}`;
  try {
    const rssResponse = await request.get(`/feeds/tag/${tag.slug}/rss.xml`);
    expect(rssResponse.status()).toBe(200);
    const channel = childrenNamed(childrenNamed(parseXmlStrict(await rssResponse.text()), 'rss')[0]!, 'channel')[0]!;
    const item = childrenNamed(channel, 'item').find((candidate) => childText(candidate, 'link') === link)!;
    expect(childText(item, 'title')).toBe(representable(headline));
    expect(childrenNamed(item, 'category').map((category) => category.text)).toEqual([section.name, representable(tagName)]);
    expect(childText(channel, 'title')).toBe(representable(`${config.SITE_NAME}: ${tagName}`));

    const atomResponse = await request.get(`/feeds/tag/${tag.slug}/atom.xml`);
    expect(atomResponse.status()).toBe(200);
    const feed = childrenNamed(parseXmlStrict(await atomResponse.text()), 'feed')[0]!;
    const entry = childrenNamed(feed, 'entry').find((candidate) => childrenNamed(candidate, 'link')[0]?.attributes.href === link)!;
    expect(childText(entry, 'title')).toBe(representable(headline));
    expect(childText(childrenNamed(entry, 'author')[0]!, 'name')).toBe(representable(byline));
    expect(childrenNamed(entry, 'category').map((category) => category.attributes.label)).toEqual([section.name, representable(tagName)]);
  } finally {
    await db.article.delete({ where: { id: article.id } });
    await db.tag.delete({ where: { id: tag.id } });
    await db.contributor.delete({ where: { id: contributor.id } });
  }
});
