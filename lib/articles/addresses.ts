// Which public article an address names: its current slug, an old one (ArticleSlug), or the legacy
// site's id, with the article's canonical path. Only public articles (lib/articles/public.ts) are
// found; anything else is null and the resolver answers 404 (docs/seo.md explains 404 over 410).
import { db } from '@/lib/db/client';
import { articlePath } from '@/lib/articles/urls';
import { isPublicArticle, publicArticleWhere } from '@/lib/articles/public';

export type ArticleWhereabouts = { id: number; path: string };

const target = { id: true, slug: true, section: { select: { slug: true } } } as const;

/** The public article whose current or old slug this is. The current slug is one indexed look-up
 * (the common case); only a miss asks the old slugs. */
export async function findPublicArticleBySlug(slug: string, now: Date = new Date()): Promise<ArticleWhereabouts | null> {
  const current = await db.article.findFirst({ where: { slug, ...publicArticleWhere(now) }, select: target });
  if (current) return { id: current.id, path: articlePath(current) };
  const old = await db.articleSlug.findUnique({ where: { slug }, select: { article: { select: { ...target, status: true, publishedAt: true } } } });
  return old && isPublicArticle(old.article, now) ? { id: old.article.id, path: articlePath(old.article) } : null;
}

/** The public article the legacy site published under this id. */
export async function findPublicArticleByLegacyId(legacyId: string, now: Date = new Date()): Promise<ArticleWhereabouts | null> {
  const article = await db.article.findFirst({ where: { legacyId, ...publicArticleWhere(now) }, select: target });
  return article ? { id: article.id, path: articlePath(article) } : null;
}
