import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { findArticleRedirect, findLegacyRedirect } from '@/lib/articles/redirects';
import { compileLegacyPatterns, legacyIdFromPath } from '@/lib/routing/legacy';
import { isExempt, normalisePath } from '@/lib/routing/normalise';
import { forgetOldSlugs, isOldSlug } from '@/lib/routing/moved-slugs';
import { decideRedirect, routeRedirect } from '@/lib/routing/redirect';
import { db } from '@/lib/db/client';
import { makeArticle, makeSection } from '@/testing/rows';

describe('legacy URL patterns', () => {
  const defaults = compileLegacyPatterns('/news/{id},/news/{id}/{anything}');

  it.each([
    ['/news/1234', '1234'],
    ['/news/1234/', '1234'],
    ['/news/1234/russia-seeks-honest-cooperation', '1234'],
    ['/news/1234/any/deeper/tail.html', '1234'],
    ['/NEWS/1234', '1234'],
  ])('%s → id %s', (path, id) => expect(legacyIdFromPath(path, defaults)).toBe(id));

  // A NUL or other control character in the id: no legacy id (PostgreSQL refused the lookup, a 500).
  it.each(['/news', '/news/', '/newsroom/1234', '/world/news', '/x/news/1234', '/news/%00', '/news/a%00b', '/news/%1F/x'])('%s is not a legacy URL', (path) => {
    expect(legacyIdFromPath(path, defaults)).toBeNull();
  });

  it('takes other patterns from configuration, literal characters and all', () => {
    const custom = compileLegacyPatterns('/archive/{id}.html, /story.php?id={id}, nonsense, /no-id');
    expect(custom.map((pattern) => pattern.source)).toEqual(['/archive/{id}.html', '/story.php?id={id}']);
    expect(legacyIdFromPath('/archive/987.html', custom)).toBe('987');
    expect(legacyIdFromPath('/archive/987xhtml', custom)).toBeNull();
    expect(legacyIdFromPath('/news/987', custom)).toBeNull();
  });
});

describe('normalisation', () => {
  it.each([
    ['/World', '/world'],
    ['/world/', '/world'],
    ['/World/Story-One///', '/world/story-one'],
    ['//world//story', '/world/story'],
    ['/Tag/Syria', '/tag/syria'],
    ['/caf%c3%a9', '/caf%C3%A9'],
    ['/', '/'],
  ])('%s → %s', (from, to) => expect(normalisePath(from)).toBe(to));

  it.each(['/media/2016/11/Photo.JPG', '/_next/static/x.js', '/api/internal/Publish', '/admin/Articles', '/favicon.ico', '/feeds/World/rss.xml', '/Sitemap.xml'])(
    '%s is left alone',
    (path) => expect(isExempt(path)).toBe(true),
  );

  it('never redirects what is already canonical, nor anything but GET and HEAD', () => {
    for (const path of ['/', '/world', '/tag/syria', '/search', '/world/older/1700000000000-5', '/tag/older', '/admin/articles', '/news']) {
      expect(decideRedirect('GET', path)).toEqual({ kind: 'none' });
    }
    // A canonical-looking article address is only checked against the old slugs in memory.
    expect(decideRedirect('GET', '/world/story')).toEqual({ kind: 'article', section: 'world', slug: 'story' });
    expect(decideRedirect('POST', '/World/')).toEqual({ kind: 'none' });
    expect(decideRedirect('HEAD', '/World/')).toMatchObject({ kind: 'normalise', path: '/world' });
  });

  it('marks /{section}/{slug} forms as article candidates (to skip a second hop), not list pages', () => {
    expect(decideRedirect('GET', '/World/Story/')).toEqual({ kind: 'normalise', path: '/world/story', articleCandidate: { section: 'world', slug: 'story' } });
    expect(decideRedirect('GET', '/Tag/Syria')).toMatchObject({ articleCandidate: null });
    expect(decideRedirect('GET', '/World/')).toMatchObject({ articleCandidate: null });
  });
});

describe('redirect targets in the database', () => {
  beforeAll(async () => {
    const world = await makeSection('world', 'World');
    await makeSection('middle-east', 'Middle East');
    await makeArticle({ sectionId: world.id, slug: 'current-slug', oldSlugs: ['first-slug', 'second-slug'], legacyId: '1234' });
    await makeArticle({ sectionId: world.id, slug: 'pulled-story', status: 'unpublished', oldSlugs: ['pulled-old'], legacyId: '555' });
    await makeArticle({ sectionId: world.id, slug: 'draft-story', status: 'draft', publishedAt: null, legacyId: '556' });
    forgetOldSlugs();
  });

  it('an old slug under its section or any other section path → the canonical path', async () => {
    expect(await findArticleRedirect('world', 'first-slug')).toBe('/world/current-slug');
    expect(await findArticleRedirect('middle-east', 'second-slug')).toBe('/world/current-slug');
    expect(await findArticleRedirect('no-such-section', 'first-slug')).toBe('/world/current-slug');
  });

  it('a current slug under the wrong section → the canonical path; under the right one → nothing', async () => {
    expect(await findArticleRedirect('middle-east', 'current-slug')).toBe('/world/current-slug');
    expect(await findArticleRedirect('world', 'current-slug')).toBeNull();
  });

  it('unknown, unpublished and draft articles have no redirect (they are 404s)', async () => {
    expect(await findArticleRedirect('world', 'never-existed')).toBeNull();
    expect(await findArticleRedirect('world', 'pulled-old')).toBeNull();
    expect(await findArticleRedirect('world', 'pulled-story')).toBeNull();
    expect(await findLegacyRedirect('555')).toBeNull();
    expect(await findLegacyRedirect('556')).toBeNull();
    expect(await findLegacyRedirect('99999')).toBeNull();
    expect(await findLegacyRedirect('1234')).toBe('/world/current-slug');
  });

  const request = (path: string, method = 'GET') => new NextRequest(new URL(path, 'http://localhost:3400'), { method });

  it.each([
    ['/news/1234', 'http://localhost:3400/world/current-slug'],
    ['/news/1234/whatever-the-old-slug-was/', 'http://localhost:3400/world/current-slug'],
    ['/NEWS/1234?utm_source=x', 'http://localhost:3400/world/current-slug'],
    ['/World/', 'http://localhost:3400/world'],
    ['/search/?q=Syria', 'http://localhost:3400/search?q=Syria'],
    // Case plus an old slug: straight to the article, not /world/first-slug first.
    ['/World/First-Slug/', 'http://localhost:3400/world/current-slug'],
    ['/Middle-East/Current-Slug', 'http://localhost:3400/world/current-slug'],
    // An old slug spelled canonically: 301 from the proxy, under any section path.
    ['/world/first-slug', 'http://localhost:3400/world/current-slug'],
    ['/middle-east/second-slug?x=1', 'http://localhost:3400/world/current-slug?x=1'],
  ])('%s → 301 %s in one hop', async (path, location) => {
    const response = await routeRedirect(request(path));
    expect(response?.status).toBe(301);
    expect(response?.headers.get('location')).toBe(location);
    // The target itself needs no further redirect from the proxy.
    expect(await routeRedirect(request(new URL(location).pathname + new URL(location).search))).toBeNull();
  });

  it.each(['/news/99999', '/news/555', '/world/current-slug', '/world/pulled-old', '/world/never-existed', '/media/X.JPG', '/feeds/rss.xml'])(
    '%s passes through (the page or route answers)',
    async (path) => expect(await routeRedirect(request(path))).toBeNull(),
  );

  it('learns of new old slugs when its set is re-read', async () => {
    expect(await isOldSlug('third-slug')).toBe(false);
    const article = await db.article.findUniqueOrThrow({ where: { slug: 'current-slug' } });
    await db.articleSlug.create({ data: { slug: 'third-slug', articleId: article.id } });
    // Still the set read before (re-read every 30 s in the background)...
    expect(await isOldSlug('third-slug')).toBe(false);
    forgetOldSlugs();
    expect(await isOldSlug('third-slug')).toBe(true);
    expect((await routeRedirect(request('/world/third-slug')))?.headers.get('location')).toBe('http://localhost:3400/world/current-slug');
  });

  it('leaves form posts alone', async () => {
    expect(await routeRedirect(request('/World/', 'POST'))).toBeNull();
  });
});
