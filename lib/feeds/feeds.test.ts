import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { buildFeed } from '@/lib/feeds/build';
import { articleTagUri } from '@/lib/feeds/entry';
import { bodyColumns } from '@/lib/articles/body/columns';
import { feedCacheTags } from '@/lib/feeds/cached';
import { loadFeed } from '@/lib/feeds/queries';
import { feedFormatFromFileName, feedPath, type FeedScope } from '@/lib/feeds/urls';
import { makeArticle, makeImage, makeSection, makeTag, makeVideo } from '@/testing/rows';

const site = 'http://localhost:3000';
const rss = new Parser();
const atomParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });

const hostile = 'Ceasefire & talks: "</script><script>alert(1)</script>" ]]> <b>bold</b>';
let expected: { site: string[]; world: string[]; syria: string[] };

async function render(scope: FeedScope, format: 'rss' | 'atom'): Promise<string> {
  const data = await loadFeed(scope);
  if (!data) throw new Error('no feed');
  return buildFeed(data, scope, format);
}

beforeAll(async () => {
  const world = await makeSection('world', 'World');
  const sport = await makeSection('sport', 'Sport');
  const syria = await makeTag('syria', 'Syria');
  const image = await makeImage();
  const video = await makeVideo(61);
  await db.media.update({ where: { id: image.id }, data: { bytes: 123_456 } });
  const a = await makeArticle({ sectionId: world.id, slug: 'oldest', publishedAt: new Date('2024-01-01T08:00:00Z'), tagIds: [syria.id], leadMediaId: image.id, body: '<p>See <a href="https://example.org/other">this</a> and more.</p>' });
  const b = await makeArticle({ sectionId: sport.id, slug: 'middle', headline: hostile, publishedAt: new Date('2024-01-02T08:00:00Z'), modifiedAt: new Date('2024-01-05T08:00:00Z'), contentType: 'video', leadMediaId: video.id, byline: 'Sam Writer' });
  const c = await makeArticle({ sectionId: world.id, slug: 'newest', publishedAt: new Date('2024-01-03T08:00:00Z'), tagIds: [syria.id] });
  // The oldest story's body names a picture, a video, an embed and a card to the newest story.
  const oldestBody = (await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { body: true } })).body as { version: 1; blocks: never[] };
  await db.article.update({
    where: { id: a.id },
    data: bodyColumns({
      version: 1,
      blocks: [
        ...oldestBody.blocks,
        { type: 'picture', mediaId: image.id, alt: 'Boats & "nets"', caption: 'At dawn', credit: '' },
        { type: 'video', mediaId: video.id, caption: '', credit: '' },
        { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: '' },
        { type: 'articleCard', articleId: c.id },
      ],
    }),
  });
  await makeArticle({ sectionId: world.id, slug: 'unpublished', status: 'unpublished', publishedAt: new Date('2024-01-04T08:00:00Z'), tagIds: [syria.id] });
  await makeArticle({ sectionId: world.id, slug: 'draft', status: 'draft', publishedAt: null });
  await makeArticle({ sectionId: world.id, slug: 'tomorrow', publishedAt: new Date(Date.now() + 86_400_000) });
  expected = {
    site: [c, b, a].map((row) => `${site}/${row.sectionId === world.id ? 'world' : 'sport'}/${row.slug}`),
    world: [`${site}/world/newest`, `${site}/world/oldest`],
    syria: [`${site}/world/newest`, `${site}/world/oldest`],
  };
});

describe('RSS 2.0', () => {
  it.each([
    ['site', { kind: 'site' } as FeedScope, 'site'],
    ['section', { kind: 'section', slug: 'world' } as FeedScope, 'world'],
    ['tag', { kind: 'tag', slug: 'syria' } as FeedScope, 'syria'],
  ] as const)('the %s feed parses with rss-parser and lists the public articles newest first', async (_name, scope, key) => {
    const feed = await rss.parseString(await render(scope, 'rss'));
    expect(feed.items.map((entry) => entry.link)).toEqual(expected[key]);
    const dates = feed.items.map((entry) => Date.parse(entry.isoDate!));
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    expect(feed.link).toMatch(/^http:\/\/localhost:3000\//);
  });

  it('carries dates, summary, full content with absolute links, categories and an enclosure', async () => {
    const feed = await rss.parseString(await render({ kind: 'site' }, 'rss'));
    const oldest = feed.items.find((entry) => entry.link === `${site}/world/oldest`)!;
    expect(oldest.isoDate).toBe('2024-01-01T08:00:00.000Z');
    expect(oldest.guid).toBe(articleTagUri(Number(oldest.guid!.split(':').at(-1))));
    // The blocks as feed HTML (lib/feeds/body-html.ts), absolute URLs. (A body cannot name missing media any more: the MediaUse index's foreign key refuses it, decision 0024.)
    const poster = await db.media.findFirstOrThrow({ where: { posterOf: { some: {} } }, select: { path: true } });
    const clip = await db.media.findFirstOrThrow({ where: { kind: 'video' }, select: { path: true } });
    const picture = await db.media.findFirstOrThrow({ where: { kind: 'image', posterOf: { none: {} } }, select: { path: true } });
    expect(oldest['content:encoded']).toBe(
      '<p>See <a href="https://example.org/other" rel="noopener noreferrer">this</a> and more.</p>' +
        `<figure><img src="${site}/media/${picture.path}" alt="Boats &amp; &quot;nets&quot;" width="1600" height="900"><figcaption>At dawn</figcaption></figure>` +
        `<figure><a href="${site}/media/${clip.path}"><img src="${site}/media/${poster.path}" alt="Video" width="1280" height="720"></a></figure>` +
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">View on YouTube</a></p>' +
        `<p><a href="${site}/world/newest">${(await db.article.findUniqueOrThrow({ where: { slug: 'newest' } })).headline}</a></p>`,
    );
    expect(oldest.categories!.map((category: string | { _: string }) => (typeof category === 'string' ? category : category._))).toEqual(['World', 'Syria']);
    expect(oldest.enclosure).toMatchObject({ type: 'image/jpeg', length: '123456' });
    expect(oldest.enclosure!.url).toMatch(/^http:\/\/localhost:3000\/media\/test\/.+\.jpg$/);
    const video = feed.items.find((entry) => entry.link === `${site}/sport/middle`)!;
    expect(video.enclosure).toMatchObject({ type: 'video/mp4' });
    // Escaped once as XML text, no CDATA: the headline comes back exactly as written.
    expect(video.title).toBe(hostile);
    expect(video.creator ?? (video as { author?: string }).author).toBe('Sam Writer');
  });

  it('gives an article published with no body its standfirst (or headline) as content', async () => {
    const world = await db.section.findUniqueOrThrow({ where: { slug: 'world' } });
    await makeArticle({ sectionId: world.id, slug: 'bodiless', headline: 'Flash: <quake> felt', standfirst: '', body: '', publishedAt: new Date('2023-12-31T08:00:00Z') });
    const feed = await rss.parseString(await render({ kind: 'section', slug: 'world' }, 'rss'));
    const bodiless = feed.items.find((entry) => entry.link === `${site}/world/bodiless`)!;
    expect(bodiless['content:encoded']).toBe('<p>Flash: &lt;quake&gt; felt</p>');
    await db.article.delete({ where: { slug: 'bodiless' } });
  });

  it('an unknown section or tag has no feed', async () => {
    expect(await loadFeed({ kind: 'section', slug: 'nowhere' })).toBeNull();
    expect(await loadFeed({ kind: 'tag', slug: 'nothing' })).toBeNull();
  });
});

describe('Atom 1.0', () => {
  type AtomEntry = { id: string; title: { '#text': string }; updated: string; published: string; link: { '@href': string; '@rel'?: string; '@type'?: string }[]; summary?: unknown; content?: unknown };

  it.each([
    [{ kind: 'site' } as FeedScope, 'site'],
    [{ kind: 'section', slug: 'world' } as FeedScope, 'world'],
    [{ kind: 'tag', slug: 'syria' } as FeedScope, 'syria'],
  ] as const)('%o parses and has every element Atom requires', async (scope, key) => {
    const xml = await render(scope, 'atom');
    const doc = atomParser.parse(xml);
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated']) expect(feed[required]).toBeTruthy();
    expect(feed.link.find((link: { '@rel': string }) => link['@rel'] === 'self')['@href']).toBe(`${site}${feedPath(scope, 'atom')}`);
    const entries = feed.entry as AtomEntry[];
    for (const entry of entries) {
      expect(entry.id).toMatch(/^tag:localhost,2016:article:\d+$/);
      expect(entry.title['#text'] ?? entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link[0]!['@href']).toMatch(/^http:\/\/localhost:3000\//);
    }
    expect(entries.map((entry) => entry.link[0]!['@href'])).toEqual(expected[key]);
    // feed <updated> is the newest change, not the time of the request.
    expect(Date.parse(feed.updated)).toBeLessThan(Date.parse('2024-02-01'));
  });

  it('carries a hostile headline as plain text (type="text"), and lists image and video enclosures', async () => {
    const xml = await render({ kind: 'section', slug: 'sport' }, 'atom');
    const doc = atomParser.parse(xml);
    const [entry] = doc.feed.entry as (AtomEntry & { title: { '@type': string } })[];
    // Text, not markup: a reader shows the characters, it never runs them.
    expect(entry!.title['@type']).toBe('text');
    expect(String(entry!.title['#text'])).toBe(hostile);
    expect(xml).not.toContain('<script>');
    expect(entry!.updated).toBe('2024-01-05T08:00:00.000Z');
    expect(entry!.published).toBe('2024-01-02T08:00:00.000Z');
    expect(entry!.link.filter((link) => link['@rel'] === 'enclosure').map((link) => link['@type'])).toEqual(['image/jpeg', 'video/mp4']);
  });
});

describe('feed plumbing', () => {
  it('names files one way and tags the cache by scope', () => {
    expect(feedFormatFromFileName('rss.xml')).toBe('rss');
    expect(feedFormatFromFileName('atom.xml')).toBe('atom');
    expect(feedFormatFromFileName('feed.json')).toBeNull();
    expect(feedPath({ kind: 'tag', slug: 'syria' }, 'rss')).toBe('/feeds/tag/syria/rss.xml');
    expect(feedCacheTags({ kind: 'section', slug: 'world' })).toEqual(['feeds', 'section:world']);
    expect(feedCacheTags({ kind: 'tag', slug: 'syria' })).toEqual(['feeds', 'tag:syria']);
  });
});
