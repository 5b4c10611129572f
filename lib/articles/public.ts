// The one rule for what readers and crawlers may see of an article: status `published` AND a
// publication time no later than now. A scheduled article waits with status `scheduled` until the due
// work flips it (lib/articles/scheduling/due-work.ts); a published row can still carry a time ahead (an import,
// a restored article), and it stays out of every public read until that time. Every public read uses
// this rule in one of its four forms: a Prisma filter, a test on a loaded row, raw SQL (search), and
// the tag and byline links' `publicFrom` (their article's publishedAt while it is published, kept by
// triggers: lib/articles/scope.ts), bounded by `publicBound`.
import type { Prisma } from '@/lib/generated/prisma/client';

/** Prisma filter of public articles; `notAfter` also bounds their publication time (a keyset page's
 * cursor) in the same ONE condition on publishedAt. Two range conditions on the column (the rule's
 * `<= now` and the cursor's) make SQLite's planner pick the (status, publishedAt) index over the
 * section's and read every public article of the site in date order (lib/articles/queries.test.ts
 * sees the plan). */
export function publicArticleWhere(now: Date = new Date(), notAfter?: Date): Prisma.ArticleWhereInput {
  return { status: 'published', publishedAt: { lte: publicBound(now, notAfter) } };
}

/** The latest publication time a public read (or one of its keyset pages) may show: now, or the
 * cursor's time when that is earlier. */
export function publicBound(now: Date = new Date(), notAfter?: Date): Date {
  return notAfter && notAfter.getTime() < now.getTime() ? notAfter : now;
}

/** The same rule on a row already loaded (the article page, a related link's target). */
export function isPublicArticle(article: { status: string; publishedAt: Date | null }, now: Date = new Date()): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}

/** The same rule in raw SQL (search, which Prisma cannot express), on the Article table known as
 * `alias`; `now` is the query parameter written as `placeholder` ("?" on SQLite, "$n" on PostgreSQL). */
export function publicArticleSql(alias: string, placeholder: string): string {
  return `${alias}."status" = 'published' AND ${alias}."publishedAt" <= ${placeholder}`;
}

/** The status an article arriving from outside the newsroom (a legacy or JSON import) is stored with:
 * `published` dated ahead becomes `scheduled`, so the due work makes it public at its time and
 * expires the pages that list it then. A published row dated ahead would be found by the resolver
 * at its time, but the cached lists, feeds and sitemaps would not learn of it. */
export function statusOnArrival<S extends string>(status: S, publishedAt: Date | null, now: Date = new Date()): S | 'scheduled' {
  return status === 'published' && publishedAt !== null && publishedAt.getTime() > now.getTime() ? 'scheduled' : status;
}
