// The resolver against a real database: every answer (page, one 301, 404), its memory, and that memory
// being expired by the same outbox refresh that expires pages.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { headlineSlug } from '@/lib/articles/slug';
import { articlePath } from '@/lib/articles/urls';
import { resolvePublicPath, type PathAnswer } from '@/lib/routing/resolve-path';
import { forgetAllAnswers, resolverStats } from '@/lib/routing/known-answers';
import { describeArticleChange, mergeArticleChanges } from '@/lib/articles/changes';
import { recordArticleRefresh } from '@/lib/cache/refresh';
import { carryOutPageRefreshes } from '@/lib/cache/outbox';
import type { ArticleStatus } from '@/lib/generated/prisma/client';

const hourAhead = () => new Date(Date.now() + 3600_000);
let worldId = 0;
let currentId = 0;

async function article(slug: string, status: ArticleStatus, publishedAt: Date | null, extra: { legacyId?: string; oldSlugs?: string[]; sectionId?: number } = {}) {
  const { oldSlugs = [], sectionId = worldId, legacyId } = extra;
  return db.article.create({
    data: { slug, headline: slug, status, publishedAt, sectionId, legacyId, oldSlugs: { create: oldSlugs.map((old) => ({ slug: old })) } },
  });
}

/** An article write as the commands make it: the change and its page refresh recorded with it, then
 * carried out (lib/cache/outbox.ts). */
async function write(articleId: number, change: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>, refresh = true): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await describeArticleChange(articleId, tx);
    await change(tx);
    if (refresh) await recordArticleRefresh(tx, mergeArticleChanges(before, await describeArticleChange(articleId, tx)));
  });
  await carryOutPageRefreshes();
}

const moved = (location: string): PathAnswer => ({ kind: 'moved', location });
const page: PathAnswer = { kind: 'page' };
const missing: PathAnswer = { kind: 'missing' };
const resolve = (path: string, method = 'GET') => {
  const url = new URL(path, 'http://localhost');
  return resolvePublicPath(method, url.pathname, url.search);
};

beforeAll(async () => {
  worldId = (await db.section.create({ data: { slug: 'world', name: 'World' } })).id;
  await db.section.create({ data: { slug: 'middle-east', name: 'Middle East' } });
  await db.tag.create({ data: { slug: 'aleppo', name: 'Aleppo' } });
  currentId = (await article('current-slug', 'published', new Date('2026-01-01T00:00:00Z'), { oldSlugs: ['first-slug', 'second-slug'], legacyId: '1234' })).id;
  await article('pulled-story', 'unpublished', new Date('2026-01-01T00:00:00Z'), { oldSlugs: ['pulled-old'], legacyId: '555' });
  await article('draft-story', 'draft', null, { legacyId: '556' });
  await article('scheduled-story', 'scheduled', hourAhead(), { legacyId: '557' });
  // Published, but dated ahead (an import, a restore): not public until then (lib/articles/public.ts).
  await article('dated-ahead', 'published', hourAhead(), { oldSlugs: ['dated-ahead-old'], legacyId: '558' });
  // Pages and cached answers start from the same point: refreshes recorded so far are carried out.
  await carryOutPageRefreshes();
});

beforeEach(() => forgetAllAnswers());

describe('resolvePublicPath: pages', () => {
  it.each(['/world', '/world/older/1478000000000-12', '/world/newer/1478000000000-12', '/tag/aleppo', '/tag/aleppo/older/1478000000000-12', '/world/current-slug', '/', '/search?q=syria', '/status', '/admin/articles', '/api/internal/due', '/feeds/rss.xml', '/media/a.jpg'])(
    '%s is a page (or a route the resolver leaves alone)',
    async (path) => expect(await resolve(path)).toEqual(page),
  );

  it('leaves anything but GET and HEAD to the page (a form posts where it is)', async () => {
    expect(await resolve('/World/', 'POST')).toEqual(page);
    expect(await resolve('/world/no-such-story', 'POST')).toEqual(page);
    expect(await resolve('/World/', 'HEAD')).toEqual(moved('/world'));
  });
});

describe('resolvePublicPath: one 301, straight to the canonical URL', () => {
  it.each([
    ['/news/1234', '/world/current-slug'],
    ['/news/1234/whatever-the-old-slug-was/', '/world/current-slug'],
    // The old site's query string is not carried over.
    ['/NEWS/1234?utm_source=x', '/world/current-slug'],
    ['/World/', '/world'],
    ['/world//older/1478000000000-12/', '/world/older/1478000000000-12'],
    ['/Tag/Aleppo', '/tag/aleppo'],
    ['/search/?q=Syria', '/search?q=Syria'],
    ['/World/Current-Slug/', '/world/current-slug'],
    // Case plus an old slug: straight to the article, not /world/first-slug first.
    ['/World/First-Slug/', '/world/current-slug'],
    ['/Middle-East/Current-Slug', '/world/current-slug'],
    // An old slug spelled canonically, under its section or any other section path.
    ['/world/first-slug', '/world/current-slug'],
    ['/middle-east/second-slug?x=1', '/world/current-slug?x=1'],
    ['/no-such-section/first-slug', '/world/current-slug'],
    // The current slug under another section path.
    ['/middle-east/current-slug', '/world/current-slug'],
  ])('%s → 301 %s', async (path, location) => {
    expect(await resolve(path)).toEqual(moved(location));
    // One hop: the target is a page.
    expect(await resolve(location)).toEqual(page);
  });
});

// Issue 12: a Persian headline's slug stays in its script, percent-encoded in the URL; an older
// transliterated slug of the same article still answers, with one 301.
describe('resolvePublicPath: a slug in another script', () => {
  const persian = headlineSlug('گزارش ویژه از آبادان', 'fa');
  const encoded = `/world/${encodeURIComponent(persian)}`;
  let persianId = 0;
  beforeAll(async () => {
    persianId = (await article(persian, 'published', new Date('2026-01-02T00:00:00Z'), { oldSlugs: ['gzarsh-wyzhh-az-abadan'] })).id;
    await carryOutPageRefreshes();
  });

  it('is the page at its percent-encoded path, which is the path the site links to', async () => {
    expect(persian).toBe('گزارش-ویژه-از-آبادان');
    const path = (await db.article.findUniqueOrThrow({ where: { id: persianId }, select: { slug: true, section: { select: { slug: true } } } }));
    expect(articlePath(path)).toBe(encoded);
    expect(encoded).toBe('/world/%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4-%D9%88%DB%8C%DA%98%D9%87-%D8%A7%D8%B2-%D8%A2%D8%A8%D8%A7%D8%AF%D8%A7%D9%86');
    expect(await resolve(encoded)).toEqual(page);
  });

  it.each([
    ['lower-case escapes', () => encoded.toLowerCase().replace('/world/', '/World/')],
    // (آ decomposes: NFD spells it alef + madda.)
    ['the decomposed (NFD) spelling', () => `/world/${encodeURIComponent(persian.normalize('NFD'))}`],
    ['the old transliterated slug', () => '/world/gzarsh-wyzhh-az-abadan'],
    ['another section path', () => `/middle-east/${encodeURIComponent(persian)}`],
  ])('%s → one 301 to the canonical path', async (_name, path) => {
    expect(await resolve(path())).toEqual(moved(encoded));
  });

  it('is a 404 when no article has that slug, and for a segment that does not decode', async () => {
    expect(await resolve(`/world/${encodeURIComponent('گزارش-دیگر')}`)).toEqual(missing);
    expect(await resolve('/world/%D8')).toEqual(missing);
  });
});

describe('resolvePublicPath: 404', () => {
  it.each([
    ['an unknown section', '/nowhere'],
    ['an unknown tag', '/tag/nothing'],
    ['an unknown article', '/world/never-existed'],
    ['an impossible cursor', '/world/older/not-a-cursor'],
    ['an impossible tag cursor', '/tag/aleppo/newer/12'],
    ['a slug no article can have', '/world/some%20story'],
    ['an unpublished article', '/world/pulled-story'],
    ['an unpublished article’s old slug', '/world/pulled-old'],
    ['a draft', '/world/draft-story'],
    ['an article scheduled ahead', '/world/scheduled-story'],
    ['a published article dated ahead', '/world/dated-ahead'],
    ['the old slug of a published article dated ahead', '/world/dated-ahead-old'],
    ['an unknown legacy id', '/news/99999'],
    ['the legacy id of an unpublished article', '/news/555'],
    ['the legacy id of a draft', '/news/556'],
    ['the legacy id of an article scheduled ahead', '/news/557'],
    ['the legacy id of a published article dated ahead', '/news/558'],
    // Another spelling of nothing is 404 at once, not a 301 to a 404.
    ['another spelling of an unknown article', '/World/Never-Existed/'],
  ])('%s (%s)', async (_what, path) => expect(await resolve(path)).toEqual(missing));
});

describe('what the resolver remembers', () => {
  it('asks the database once for a path, then answers from memory', async () => {
    const before = resolverStats();
    expect(await resolve('/world/current-slug')).toEqual(page);
    expect(await resolve('/world/current-slug')).toEqual(page);
    expect(await resolve('/World/Current-Slug')).toEqual(moved('/world/current-slug'));
    expect(await resolve('/world/first-slug')).toEqual(moved('/world/current-slug'));
    expect(await resolve('/world/first-slug')).toEqual(moved('/world/current-slug'));
    const after = resolverStats();
    expect(after.resolved - before.resolved).toBe(5);
    // One look-up for /world/current-slug (both spellings), one for /world/first-slug.
    expect(after.lookedUp - before.lookedUp).toBe(2);
  });

  it('never remembers a missing path: an article published a moment ago is found at once', async () => {
    expect(await resolve('/world/just-in')).toEqual(missing);
    const created = await article('just-in', 'published', new Date());
    // No refresh carried out yet: the resolver had nothing to forget.
    expect(await resolve('/world/just-in')).toEqual(page);
    await db.article.delete({ where: { id: created.id } });
    await carryOutPageRefreshes();
  });

  it('keeps an answer until a page refresh of that article expires it: a slug change makes the old slug a 301', async () => {
    expect(await resolve('/world/current-slug')).toEqual(page);
    expect(await resolve('/world/first-slug')).toEqual(moved('/world/current-slug'));
    // Written without its refresh (as by hand): the remembered answers stand, as the cached pages do.
    await write(currentId, (tx) => tx.article.update({ where: { id: currentId }, data: { slug: 'renamed-slug', oldSlugs: { create: { slug: 'current-slug' } } } }), false);
    expect(await resolve('/world/current-slug')).toEqual(page);
    // The refresh, carried out from the outbox as on every instance: the old slug moves, in one hop.
    await write(currentId, async () => undefined);
    expect(await resolve('/world/current-slug')).toEqual(moved('/world/renamed-slug'));
    expect(await resolve('/world/first-slug')).toEqual(moved('/world/renamed-slug'));
    expect(await resolve('/middle-east/current-slug')).toEqual(moved('/world/renamed-slug'));
    expect(await resolve('/world/renamed-slug')).toEqual(page);
    // Back as it was, with its refresh.
    await write(currentId, async (tx) => {
      await tx.articleSlug.delete({ where: { slug: 'current-slug' } });
      await tx.article.update({ where: { id: currentId }, data: { slug: 'current-slug', oldSlugs: { create: { slug: 'renamed-slug' } } } });
    });
    expect(await resolve('/world/current-slug')).toEqual(page);
    await write(currentId, (tx) => tx.articleSlug.delete({ where: { slug: 'renamed-slug' } }));
  });

  it('forgets an unpublished article with its refresh, and only what that refresh touches', async () => {
    const other = await article('other-story', 'published', new Date('2026-01-02T00:00:00Z'));
    await carryOutPageRefreshes();
    expect(await resolve('/world/other-story')).toEqual(page);
    expect(await resolve('/world/current-slug')).toEqual(page);
    const before = resolverStats();
    await write(other.id, (tx) => tx.article.update({ where: { id: other.id }, data: { status: 'unpublished' } }));
    expect(await resolve('/world/other-story')).toEqual(missing);
    expect(await resolve('/world/current-slug')).toEqual(page);
    // The unpublished article was looked up again; the other answer came from memory.
    expect(resolverStats().lookedUp - before.lookedUp).toBe(1);
  });

  it('forgets everything with a refresh of every page (an import, a restore)', async () => {
    expect(await resolve('/world/current-slug')).toEqual(page);
    expect(resolverStats().known).toBeGreaterThan(0);
    await db.pageRefresh.create({ data: { tags: JSON.stringify(['home', '_N_T_/layout']) } });
    await carryOutPageRefreshes();
    expect(resolverStats().known).toBe(0);
  });
});
