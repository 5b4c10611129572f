// Where an address that is not an article's canonical URL should go: old slugs, a slug under the
// wrong section, and the legacy site's ids. Only public (published) articles are redirect targets;
// anything else yields null and the caller answers 404 (docs/seo.md explains 404 over 410).
import { db } from '@/lib/db/client';
import { articlePath } from '@/lib/articles/urls';
import { publicArticleWhere } from '@/lib/seo/visibility';

const target = { slug: true, section: { select: { slug: true } } } as const;

/**
 * The canonical path for /{sectionSlug}/{slug} when that is not an article's URL: the slug is an old
 * one (ArticleSlug), or a current one under another section path. Null when neither.
 */
export async function findArticleRedirect(sectionSlug: string, slug: string): Promise<string | null> {
  const visible = publicArticleWhere();
  const current = await db.article.findFirst({ where: { slug, ...visible }, select: target });
  if (current) {
    const path = articlePath(current);
    return path === `/${sectionSlug}/${slug}` ? null : path;
  }
  const old = await db.articleSlug.findUnique({ where: { slug }, select: { article: { select: { ...target, status: true, publishedAt: true } } } });
  const article = old?.article;
  if (!article || article.status !== 'published' || !article.publishedAt || article.publishedAt > new Date()) return null;
  return articlePath(article);
}

/** The canonical path of the article the legacy site published under this id; null when unknown or not public. */
export async function findLegacyRedirect(legacyId: string): Promise<string | null> {
  const article = await db.article.findFirst({ where: { legacyId, ...publicArticleWhere() }, select: target });
  return article ? articlePath(article) : null;
}
