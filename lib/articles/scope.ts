// Whose articles a list shows, and the one read that finds a list's newest public articles by the
// index that bounds it (docs/decisions/0029-public-links.md). A section's (or the whole site's)
// articles are read from the article's own [sectionId, status, publishedAt, id] or [status,
// publishedAt, id] index. A tag's or a contributor's are read from their links' [tagId | contributorId,
// publicFrom, articleId] index: filtering the articles by `tags: { some }` instead walks the site's
// date index until a page of the tag's articles has gone by (1,087 ms at 1,000,000 articles for a tag
// on one old article, on SQLite with the event loop held).
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export type ArticleScope = { site: true } | { sectionId: number } | { tagId: number } | { contributorId: number };

/** One keyset read of public articles, by their publication time (the public rule's status is part of
 * every scope's index: `publicFrom` is null unless the article is published). */
export type KeysetRead = {
  /** Newest first with an upper bound (the first page and older pages), or oldest first with a lower one (newer pages). */
  publishedAt: { lte: Date } | { gte: Date };
  /** The cursor's row and its neighbours at the same instant on the side already shown. */
  exclude?: { publishedAt: Date; id: { gte: number } | { lte: number } };
  order: 'asc' | 'desc';
  take: number;
};

/** The articles of `scope` that `read` selects, in its order, each as `select` shapes it. */
export async function readScopedArticles<S extends Prisma.ArticleSelect>(scope: ArticleScope, read: KeysetRead, select: S): Promise<Prisma.ArticleGetPayload<{ select: S }>[]> {
  if ('tagId' in scope || 'contributorId' in scope) {
    const where = {
      publicFrom: read.publishedAt,
      ...(read.exclude ? { NOT: { publicFrom: read.exclude.publishedAt, articleId: read.exclude.id } } : {}),
    };
    const orderBy = [{ publicFrom: read.order }, { articleId: read.order }];
    const links: { article: unknown }[] =
      'tagId' in scope
        ? await db.articleTag.findMany({ where: { tagId: scope.tagId, ...where }, orderBy, take: read.take, select: { article: { select } } })
        : await db.articleContributor.findMany({ where: { contributorId: scope.contributorId, ...where }, orderBy, take: read.take, select: { article: { select } } });
    return links.map((link) => link.article as Prisma.ArticleGetPayload<{ select: S }>);
  }
  return db.article.findMany({
    where: {
      ...('sectionId' in scope ? { sectionId: scope.sectionId } : {}),
      status: 'published',
      publishedAt: read.publishedAt,
      ...(read.exclude ? { NOT: { publishedAt: read.exclude.publishedAt, id: read.exclude.id } } : {}),
    },
    orderBy: [{ publishedAt: read.order }, { id: read.order }],
    take: read.take,
    select,
  }) as Promise<Prisma.ArticleGetPayload<{ select: S }>[]>;
}
