// Describes a write's public footprint: the article's pages before and after, merged, when the article
// was or is public. A draft's edit touches no public page and returns null.
import { describeArticleChange, mergeArticleChanges } from '@/lib/articles/changes';
import type { ArticleChange } from '@/lib/cache/refresh';
import { db } from '@/lib/db/client';

export type Footprint = { before: ArticleChange; wasPublic: boolean };

export async function footprintBefore(articleId: number): Promise<Footprint> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: { status: true } });
  return { before: await describeArticleChange(articleId), wasPublic: row?.status === 'published' };
}

export async function footprintAfter(articleId: number, footprint: Footprint, options: { breaking?: boolean } = {}): Promise<ArticleChange | null> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: { status: true } });
  const isPublic = row?.status === 'published';
  if (!footprint.wasPublic && !isPublic && !options.breaking) return null;
  const after = row ? await describeArticleChange(articleId) : footprint.before;
  const merged = mergeArticleChanges(footprint.before, after);
  return options.breaking ? { ...merged, breaking: true } : merged;
}
