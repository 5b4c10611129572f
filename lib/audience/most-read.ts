// "Most read": the public articles with the most views in the last 24 hours, ranked on a timer and
// never per view (docs/decisions/0022-audience-counts.md). The list is stored (MostReadEntry) so every
// instance renders the same one; a new ranking is written, with the refresh of the panel's pages in
// the outbox, only when the order of articles changed: counts going up under a stable ranking expire
// nothing.
import { db } from '@/lib/db/client';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { cacheTags } from '@/lib/cache/tags';
import { publicArticleWhere } from '@/lib/articles/public';
import { hourOf } from '@/lib/audience/counter.mjs';

/** How many articles the panel lists. */
export const MOST_READ_COUNT = 5;
/** Candidates read before the public filter drops drafts and unpublished ones. */
const CANDIDATES = 50;

export type RankedArticle = { articleId: number; views: number };

/** The ranking now: views in the 24 hourly buckets ending with the current hour, public articles
 * only, ties broken by the lower id (stable between two runs). */
export async function rankMostRead(now: Date = new Date()): Promise<RankedArticle[]> {
  const groups = await db.articleViewHour.groupBy({
    by: ['articleId'],
    where: { hour: { gt: hourOf(now.getTime()) - 24 } },
    _sum: { views: true },
    orderBy: [{ _sum: { views: 'desc' } }, { articleId: 'asc' }],
    take: CANDIDATES,
  });
  const visible = new Set(
    (await db.article.findMany({ where: { id: { in: groups.map((group) => group.articleId) }, ...publicArticleWhere(now) }, select: { id: true } })).map(
      (row) => row.id,
    ),
  );
  return groups
    .filter((group) => visible.has(group.articleId))
    .slice(0, MOST_READ_COUNT)
    .map((group) => ({ articleId: group.articleId, views: group._sum.views ?? 0 }));
}

/** Ranks again and, when the order changed, stores the list and records the refresh of its pages in
 * the same transaction. True when it changed (the caller carries the refresh out). */
export async function updateMostRead(now: Date = new Date()): Promise<boolean> {
  const ranked = await rankMostRead(now);
  return db.$transaction(async (tx) => {
    const stored = await tx.mostReadEntry.findMany({ orderBy: { rank: 'asc' }, select: { articleId: true } });
    const same = stored.length === ranked.length && stored.every((entry, index) => entry.articleId === ranked[index]!.articleId);
    if (same) return false;
    await tx.mostReadEntry.deleteMany({});
    if (ranked.length) await tx.mostReadEntry.createMany({ data: ranked.map((entry, rank) => ({ rank, ...entry })) });
    await recordPageRefresh(tx, [cacheTags.mostRead]);
    return true;
  });
}
