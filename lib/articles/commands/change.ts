// Describes a write's public footprint: the article's pages before and after, merged, when the article
// was or is public. A draft's edit touches no public page and returns null. Both halves take the
// write's transaction, so the refresh is recorded in the outbox together with the write
// (lib/cache/refresh.ts).
import { describeArticleChange, mergeArticleChanges } from '@/lib/articles/changes';
import { recordArticleRefresh, type ArticleChange } from '@/lib/cache/refresh';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

type Client = Prisma.TransactionClient;
export type Footprint = { before: ArticleChange; wasPublic: boolean };

export async function footprintBefore(articleId: number, client: Client = db): Promise<Footprint> {
  const row = await client.article.findUnique({ where: { id: articleId }, select: { status: true } });
  return { before: await describeArticleChange(articleId, client), wasPublic: row?.status === 'published' };
}

type FootprintOptions = { breaking?: boolean };

export async function footprintAfter(articleId: number, footprint: Footprint, options: FootprintOptions = {}, client: Client = db): Promise<ArticleChange | null> {
  const row = await client.article.findUnique({ where: { id: articleId }, select: { status: true } });
  const isPublic = row?.status === 'published';
  if (!footprint.wasPublic && !isPublic && !options.breaking) return null;
  const after = row ? await describeArticleChange(articleId, client) : footprint.before;
  const merged = mergeArticleChanges(footprint.before, after);
  return { ...merged, ...(options.breaking ? { breaking: true } : {}) };
}

/** At the end of the write's transaction: the change it made, recorded in the outbox. */
export async function recordFootprint(tx: Client, articleId: number, footprint: Footprint, options: FootprintOptions = {}): Promise<ArticleChange | null> {
  const change = await footprintAfter(articleId, footprint, options, tx);
  await recordArticleRefresh(tx, change);
  return change;
}
