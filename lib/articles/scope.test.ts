// A tag's and a contributor's lists (their pages, older and newer pages, and feeds) read their links'
// `publicFrom`, which triggers keep (decision 0029). Two things are held here:
// - the lists are exactly what the public rule says, through any sequence of writes (a property test
//   against the rule itself applied to the articles: status, publication time, tags and bylines
//   changed in any order, by single-row and many-row statements), on SQLite and on PostgreSQL;
// - on SQLite, the plans: each list seeks its links' index and reads articles by key only. Before
//   decision 0029 they walked the site's date index until a page of the tag's articles had gone by
//   (1,087 ms at 1,000,000 articles for a tag on one old article, the event loop held).
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { getTagFront, loadArticlePage } from '@/lib/articles/queries';
import { parseCursor } from '@/lib/articles/cursor';
import { listAuthorsForSitemap, loadAuthorPage } from '@/lib/contributors/queries';
import { loadFeed } from '@/lib/feeds/queries';
import { publicArticleWhere } from '@/lib/articles/public';
import type { ArticleScope } from '@/lib/articles/scope';
import { needs } from '@/testing/services';
import { sqlitePlans, tableSteps } from '@/testing/sqlite-plans';
import { makeArticle, makeContributor, makeSection, makeTag } from '@/testing/rows';

// Outside Next the data cache has no store: the cached reads run as they are.
vi.mock('next/cache', () => ({ unstable_cache: (read: () => Promise<unknown>) => read }));

const ARTICLES = 8;
const PAGE = 3;
const minute = 60_000;
let sectionId = 0;
let tagIds: number[] = [];
let tagSlugs: string[] = [];
let contributorIds: number[] = [];
let contributorSlugs: string[] = [];
let articleIds: number[] = [];

beforeAll(async () => {
  sectionId = (await makeSection('links')).id;
  const tags = [await makeTag('harbour'), await makeTag('tides')];
  tagIds = tags.map((tag) => tag.id);
  tagSlugs = tags.map((tag) => tag.slug);
  const contributors = [await makeContributor(), await makeContributor()];
  contributorIds = contributors.map((contributor) => contributor.id);
  contributorSlugs = contributors.map((contributor) => contributor.slug);
});

/** What the public rule itself says a scope lists, newest first: the articles filtered directly. */
async function byTheRule(scope: { tagId: number } | { contributorId: number }, now: Date): Promise<number[]> {
  const rows = await db.article.findMany({
    where: { ...publicArticleWhere(now), ...('tagId' in scope ? { tags: { some: { tagId: scope.tagId } } } : { contributors: { some: { contributorId: scope.contributorId } } }) },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Every page of a scope walked older, then walked back newer from the last: the ids newest first,
 * and the same ids again from the way back. */
async function walked(scope: ArticleScope): Promise<{ older: number[]; newer: number[] }> {
  const older: number[] = [];
  let page = await loadArticlePage(scope, null, 'older', PAGE);
  older.push(...page.articles.map((article) => article.id));
  for (let guard = 0; page.olderCursor && guard < ARTICLES; guard++) {
    page = await loadArticlePage(scope, parseCursor(page.olderCursor), 'older', PAGE);
      older.push(...page.articles.map((article) => article.id));
  }
  // Back from the last page: each newer page ends where the one before it began.
  const newer: number[] = [...page.articles.map((article) => article.id)].reverse();
  for (let guard = 0; page.newerCursor && guard < ARTICLES; guard++) {
    page = await loadArticlePage(scope, parseCursor(page.newerCursor), 'newer', PAGE);
    newer.push(...[...page.articles.map((article) => article.id)].reverse());
  }
  return { older, newer: newer.reverse() };
}

type Write =
  | { kind: 'status'; article: number; status: 'draft' | 'published' | 'scheduled' }
  | { kind: 'publishedAt'; article: number; minutes: number | null }
  | { kind: 'tags'; article: number; tags: boolean[] }
  | { kind: 'byline'; article: number; contributors: boolean[] }
  | { kind: 'unpublishAll' }
  | { kind: 'delete'; article: number };

const article = fc.integer({ min: 0, max: ARTICLES - 1 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), article, status: fc.constantFrom('draft' as const, 'published' as const, 'scheduled' as const) }),
  // Minutes from now: mostly past, some ahead (a published row dated ahead stays out), a few shared.
  fc.record({ kind: fc.constant('publishedAt' as const), article, minutes: fc.option(fc.integer({ min: -6, max: 2 }), { freq: 8 }) }),
  fc.record({ kind: fc.constant('tags' as const), article, tags: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('byline' as const), article, contributors: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }) }),
  fc.constant({ kind: 'unpublishAll' as const }),
  fc.record({ kind: fc.constant('delete' as const), article }),
);

async function apply(change: Write, now: number): Promise<void> {
  const id = 'article' in change ? articleIds[change.article]! : 0;
  switch (change.kind) {
    case 'status':
      await db.article.updateMany({ where: { id }, data: { status: change.status } });
      return;
    case 'publishedAt':
      await db.article.updateMany({ where: { id }, data: { publishedAt: change.minutes === null ? null : new Date(now + change.minutes * minute) } });
      return;
    case 'tags':
      // As a save does (lib/articles/commands/save.ts): the links replaced.
      await db.articleTag.deleteMany({ where: { articleId: id } });
      if (await db.article.count({ where: { id } })) {
        await db.articleTag.createMany({ data: tagIds.filter((_, n) => change.tags[n]).map((tagId, position) => ({ articleId: id, tagId, position })) });
      }
      return;
    case 'byline':
      await db.articleContributor.deleteMany({ where: { articleId: id } });
      if (await db.article.count({ where: { id } })) {
        await db.articleContributor.createMany({ data: contributorIds.filter((_, n) => change.contributors[n]).map((contributorId, position) => ({ articleId: id, contributorId, position })) });
      }
      return;
    case 'unpublishAll':
      await db.article.updateMany({ where: { sectionId, status: 'published' }, data: { status: 'draft' } });
      return;
    case 'delete':
      await db.article.deleteMany({ where: { id } });
      return;
  }
}

describe('a tag’s and a contributor’s lists', () => {
  it('list exactly the public articles with the tag or in the byline, through any writes, on every page and in the feeds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 10 }), async (writes) => {
        await db.article.deleteMany({ where: { sectionId } });
        const now = Date.now();
        articleIds = [];
        for (let n = 0; n < ARTICLES; n++) {
          // Pairs share a publication time: the id must break the tie.
          const made = await makeArticle({ sectionId, publishedAt: new Date(now - (10 + Math.floor(n / 2)) * minute), tagIds: n % 3 ? [tagIds[n % 2]!] : [], contributorIds: n % 2 ? [contributorIds[0]!] : [] });
          articleIds.push(made.id);
        }
        for (const change of writes) await apply(change, now);
        const at = new Date();
        const scopes = [...tagIds.map((tagId) => ({ tagId })), ...contributorIds.map((contributorId) => ({ contributorId }))];
        for (const scope of scopes) {
          const expected = await byTheRule(scope, at);
          const pages = await walked(scope);
          expect(pages.older, JSON.stringify(scope)).toEqual(expected);
          expect(pages.newer, JSON.stringify(scope)).toEqual(expected);
        }
        for (const [n, slug] of tagSlugs.entries()) {
          const feed = await loadFeed({ kind: 'tag', slug }, at);
          expect(feed?.items.map((item) => item.id)).toEqual(await byTheRule({ tagId: tagIds[n]! }, at));
        }
        for (const [n, slug] of contributorSlugs.entries()) {
          const feed = await loadFeed({ kind: 'author', slug }, at);
          expect(feed?.items.map((item) => item.id)).toEqual(await byTheRule({ contributorId: contributorIds[n]! }, at));
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a link written with any public time takes its article’s', async () => {
    const draft = await makeArticle({ sectionId, status: 'draft', publishedAt: new Date(Date.now() - minute) });
    await db.articleTag.createMany({ data: [{ articleId: draft.id, tagId: tagIds[0]!, position: 0, publicFrom: new Date(Date.now() - minute) }] });
    await db.articleContributor.createMany({ data: [{ articleId: draft.id, contributorId: contributorIds[0]!, position: 0, publicFrom: new Date(Date.now() - minute) }] });
    expect((await db.articleTag.findFirst({ where: { articleId: draft.id }, select: { publicFrom: true } }))?.publicFrom).toBeNull();
    expect((await db.articleContributor.findFirst({ where: { articleId: draft.id }, select: { publicFrom: true } }))?.publicFrom).toBeNull();
    const publishedAt = new Date(Date.now() - 2 * minute);
    await db.article.update({ where: { id: draft.id }, data: { status: 'published', publishedAt } });
    expect((await db.articleTag.findFirst({ where: { articleId: draft.id }, select: { publicFrom: true } }))?.publicFrom).toEqual(publishedAt);
    expect((await db.articleContributor.findFirst({ where: { articleId: draft.id }, select: { publicFrom: true } }))?.publicFrom).toEqual(publishedAt);
  });
});

describe('their query plans', needs(onPostgres() ? 'SQLite only (this run is on PostgreSQL)' : null), () => {
  // Every step on an article table or a link table: the links' own index, or a look-up by key (an
  // article by its id; an article's tags and byline, for the feed, by its id).
  const byLinksAndKeys = /^SEARCH (main\.)?(\w+ )?(USING (COVERING )?INDEX Article(Tag|Contributor)_(tagId|contributorId)_publicFrom_articleId_idx \((tagId|contributorId)=\? AND publicFrom[<>]\?( AND publicFrom<\?)?\)|USING INTEGER PRIMARY KEY \(rowid=\?\)|USING (COVERING )?INDEX sqlite_autoindex_Article(Tag|Contributor)_1 \(articleId=\?\))$/;
  const touchesArticles = (sql: string) => /`Article(Tag|Contributor)?`/.test(sql);

  async function stepsOf(work: () => Promise<unknown>): Promise<string[]> {
    const plans = await sqlitePlans(work, touchesArticles);
    expect(plans.length).toBeGreaterThan(0);
    return plans.flatMap(({ plan }) => tableSteps(plan));
  }

  it('a tag page, its older and newer pages and its feed seek the tag’s public links, then read articles by key', async () => {
    const tag = await makeTag('plans');
    const made = [];
    for (let n = 0; n < 5; n++) made.push(await makeArticle({ sectionId, publishedAt: new Date(Date.now() - (n + 1) * minute), tagIds: [tag.id] }));
    const first = await getTagFront(tag.slug, null, 'older');
    expect(first?.page.articles.map((card) => card.id)).toEqual(made.map((row) => row.id));
    const cursor = `${made[2]!.publishedAt!.getTime()}-${made[2]!.id}`;
    for (const work of [
      () => getTagFront(tag.slug, null, 'older'),
      () => getTagFront(tag.slug, cursor, 'older'),
      () => getTagFront(tag.slug, cursor, 'newer'),
      () => loadFeed({ kind: 'tag', slug: tag.slug }),
    ]) {
      const steps = await stepsOf(work);
      expect(steps.filter((step) => !byLinksAndKeys.test(step))).toEqual([]);
      expect(steps.some((step) => /ArticleTag_tagId_publicFrom_articleId_idx/.test(step))).toBe(true);
    }
  });

  it('the authors sitemap takes each contributor’s newest public article from one seek in their links', async () => {
    const contributor = await makeContributor();
    const newest = await makeArticle({ sectionId, publishedAt: new Date(Date.now() - minute), contributorIds: [contributor.id] });
    await makeArticle({ sectionId, publishedAt: new Date(Date.now() - 2 * minute), contributorIds: [contributor.id] });
    await makeArticle({ sectionId, status: 'draft', publishedAt: new Date(Date.now() - 10_000), contributorIds: [contributor.id] });
    const listed = (await listAuthorsForSitemap()).find((entry) => entry.path === `/author/${contributor.slug}`);
    expect(listed?.lastModified).toBe(new Date(Math.max(contributor.updatedAt.getTime(), newest.publishedAt!.getTime())).toISOString());
    const plans = await sqlitePlans(() => listAuthorsForSitemap(), (sql) => /ArticleContributor/.test(sql));
    expect(plans.length).toBeGreaterThan(0);
    const steps = plans.flatMap(({ plan }) => tableSteps(plan));
    expect(steps.filter((step) => /ArticleContributor|link/.test(step) && !/ArticleContributor_contributorId_publicFrom_articleId_idx \(contributorId=\? AND publicFrom<\?\)/.test(step))).toEqual([]);
    expect(steps.filter((step) => /Article\b/.test(step) && !/PRIMARY KEY/.test(step))).toEqual([]);
  });

  it('an author page and its feed seek the contributor’s public links, then read articles by key', async () => {
    const contributor = await makeContributor();
    await makeArticle({ sectionId, publishedAt: new Date(Date.now() - minute), contributorIds: [contributor.id] });
    for (const work of [() => loadAuthorPage(contributor.id, null, 'older'), () => loadFeed({ kind: 'author', slug: contributor.slug })]) {
      const steps = await stepsOf(work);
      expect(steps.filter((step) => !byLinksAndKeys.test(step) && !/^SEARCH (main\.)?Contributor /.test(step))).toEqual([]);
      expect(steps.some((step) => /ArticleContributor_contributorId_publicFrom_articleId_idx/.test(step))).toBe(true);
    }
  });
});
