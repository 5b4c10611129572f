// Contributors as readers and the newsroom reach them: the author page (cached, tagged), the byline
// of an article page (cached per contributor, so a profile edit refreshes every page showing it),
// what /author/{slug} is (the proxy's resolver asks), the byline picker's search and the admin list.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { onPostgres } from '@/lib/db/dialect';
import { cacheTags } from '@/lib/cache/tags';
import { loadArticlePage, type PageDirection } from '@/lib/articles/queries';
import { parseCursor } from '@/lib/articles/cursor';
import { bylineSelect, profileSelect, toBylineEntry, toContributorProfile } from '@/lib/contributors/select';
import type { AuthorPage, BylineEntry, ContributorProfile } from '@/lib/contributors/types';
import type { Prisma } from '@/lib/generated/prisma/client';

/** A contributor by a slug it has or had; null when none. */
export async function findContributorAddress(slug: string): Promise<{ id: number; slug: string } | null> {
  const current = await db.contributor.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (current) return current;
  const old = await db.contributorSlug.findUnique({ where: { slug }, select: { contributor: { select: { id: true, slug: true } } } });
  return old?.contributor ?? null;
}

/** The author page (or one of its older/newer pages) of contributor `id`, uncached; null for no such
 * contributor or a malformed cursor. */
export async function loadAuthorPage(id: number, cursorValue: string | null, direction: PageDirection): Promise<AuthorPage | null> {
  const cursor = cursorValue === null ? null : parseCursor(cursorValue);
  if (cursorValue !== null && !cursor) return null;
  const row = await db.contributor.findUnique({ where: { id }, select: profileSelect });
  if (!row) return null;
  const page = await loadArticlePage({ contributorId: row.id }, cursor, direction);
  return { contributor: toContributorProfile(row), page };
}

/** The author page at /author/{slug}: the slug is looked up (a render happens only on a cache miss),
 * then the page's data is cached under the contributor's tags: a profile edit or a change to any of
 * their articles expires it. A slug the contributor had before finds it too (the proxy 301s such a
 * path; a request let through a moment before the rename is rendered, not a 404). */
export async function getAuthorPage(slug: string, cursorValue: string | null, direction: PageDirection): Promise<AuthorPage | null> {
  const address = await findContributorAddress(slug);
  if (!address) return null;
  return unstable_cache(
    () => loadAuthorPage(address.id, cursorValue, direction),
    ['author-page', String(address.id), cursorValue ?? '', direction],
    { tags: [cacheTags.contributor(address.id), cacheTags.author(address.id)] },
  )();
}

/** The byline of a public page: the contributors in the order given, each cached under its own tag. */
export function loadByline(ids: readonly number[]): Promise<BylineEntry[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return unstable_cache(() => readByline(ids), ['byline', ids.join(',')], { tags: ids.map(cacheTags.contributor) })();
}

export async function readByline(ids: readonly number[]): Promise<BylineEntry[]> {
  const rows = await db.contributor.findMany({ where: { id: { in: [...ids] } }, select: bylineSelect });
  const byId = new Map(rows.map((row) => [row.id, toBylineEntry(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every contributor with at least one public article, for the sitemap; lastmod is the newer of the
 * profile's change and its newest article. */
export async function listAuthorsForSitemap(now: Date = new Date()): Promise<{ path: string; lastModified: string }[]> {
  // Each contributor's newest public article: one seek in their links' [contributorId, publicFrom,
  // articleId] index (decision 0029). Prisma's nested `articles: { orderBy: { article: ... }, take: 1 }`
  // joined and sorted every byline link of every contributor: 8 s at 1,000,000 articles on SQLite, the
  // event loop held, each time a crawler asked for the authors sitemap (the news-day trace).
  const placeholder = onPostgres() ? '$1' : '?';
  const newest = await db.$queryRawUnsafe<{ contributorId: number | bigint; articleId: number | bigint | null }[]>(
    `SELECT c."id" AS "contributorId",
            (SELECT link."articleId" FROM "ArticleContributor" link
              WHERE link."contributorId" = c."id" AND link."publicFrom" <= ${placeholder}
              ORDER BY link."publicFrom" DESC, link."articleId" DESC LIMIT 1) AS "articleId"
       FROM "Contributor" c`,
    now,
  );
  const articleOf = new Map(newest.flatMap(({ contributorId, articleId }) => (articleId === null ? [] : [[Number(contributorId), Number(articleId)] as const])));
  if (articleOf.size === 0) return [];
  const [contributors, articles] = await Promise.all([
    db.contributor.findMany({ where: { id: { in: [...articleOf.keys()] } }, orderBy: { id: 'asc' }, select: { id: true, slug: true, updatedAt: true } }),
    db.article.findMany({ where: { id: { in: [...new Set(articleOf.values())] } }, select: { id: true, publishedAt: true, modifiedAt: true } }),
  ]);
  const articleById = new Map(articles.map((article) => [article.id, article]));
  const { authorPath } = await import('@/lib/articles/urls');
  return contributors.map((row) => {
    const article = articleById.get(articleOf.get(row.id)!);
    const dates = [row.updatedAt, article?.publishedAt, article?.modifiedAt].filter((date): date is Date => date instanceof Date);
    return { path: authorPath(row.slug), lastModified: new Date(Math.max(...dates.map((date) => date.getTime()))).toISOString() };
  });
}

// ---- The newsroom ----

export type ContributorChoice = { id: number; name: string; jobTitle: string; retired: boolean };

/** The byline picker's search: names containing the words typed, active contributors first. */
export async function findContributors(query: string, take = 20): Promise<ContributorChoice[]> {
  const words = query.replace(/[\u0000-\u001F\u007F]/g, ' ').trim().slice(0, 100);
  const rows = await db.contributor.findMany({
    where: { retiredAt: null, ...(words ? { name: { contains: words } } : {}) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, name: true, jobTitle: true, retiredAt: true },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, jobTitle: row.jobTitle, retired: row.retiredAt !== null }));
}

/** Contributors by id in the order given (the byline the article form opens with). */
export async function contributorChoices(ids: readonly number[]): Promise<ContributorChoice[]> {
  if (ids.length === 0) return [];
  const rows = await db.contributor.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, jobTitle: true, retiredAt: true } });
  const byId = new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, jobTitle: row.jobTitle, retired: row.retiredAt !== null }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The active contributor profile linked to a newsroom account, if any (a new article's byline). */
export async function contributorOfAccount(userId: number): Promise<{ id: number; name: string; jobTitle: string } | null> {
  return db.contributor.findFirst({ where: { userId, retiredAt: null }, select: { id: true, name: true, jobTitle: true } });
}

/** Contributor names by id, for the revision diff's byline (any id a snapshot may hold; a deleted one is "#id"). */
export async function contributorNames(ids: readonly number[]): Promise<(id: number) => string> {
  const rows = ids.length ? await db.contributor.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } }) : [];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id) => names.get(id) ?? `#${id}`;
}

export const contributorPageSize = 50;

export type ContributorListRow = ContributorChoice & { slug: string; articles: number; account: string | null };

export async function listContributors(options: { q: string; page: number; retired: boolean }): Promise<{ rows: ContributorListRow[]; total: number }> {
  const where: Prisma.ContributorWhereInput = {
    retiredAt: options.retired ? { not: null } : null,
    ...(options.q ? { OR: [{ name: { contains: options.q } }, { slug: { contains: options.q.toLowerCase() } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.contributor.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (options.page - 1) * contributorPageSize,
      take: contributorPageSize,
      select: { id: true, slug: true, name: true, jobTitle: true, retiredAt: true, user: { select: { email: true } }, _count: { select: { articles: true } } },
    }),
    db.contributor.count({ where }),
  ]);
  return {
    rows: rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, jobTitle: row.jobTitle, retired: row.retiredAt !== null, articles: row._count.articles, account: row.user?.email ?? null })),
    total,
  };
}

export type ContributorEdit = {
  id: number;
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  photoId: number | null;
  photo: { path: string; alt: string } | null;
  website: string;
  x: string;
  mastodon: string;
  bluesky: string;
  userId: number | null;
  retired: boolean;
};

export async function loadContributorForEdit(id: number): Promise<ContributorEdit | null> {
  const row = await db.contributor.findUnique({
    where: { id },
    select: { id: true, name: true, slug: true, jobTitle: true, bio: true, photoId: true, photo: { select: { path: true, alt: true } }, website: true, x: true, mastodon: true, bluesky: true, userId: true, retiredAt: true },
  });
  if (!row) return null;
  const { retiredAt, ...rest } = row;
  return { ...rest, retired: retiredAt !== null };
}

/** Newsroom accounts a profile may be linked to: every account, with the profile it has, if any. */
export async function accountChoices(): Promise<{ id: number; label: string; contributorId: number | null }[]> {
  const users = await db.user.findMany({ orderBy: { email: 'asc' }, select: { id: true, email: true, name: true, contributor: { select: { id: true } } } });
  return users.map((user) => ({ id: user.id, label: user.name ? `${user.name} (${user.email})` : user.email, contributorId: user.contributor?.id ?? null }));
}

export type { ContributorProfile };
