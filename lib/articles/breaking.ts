// The breaking-news banner: the newest public article flagged breaking until a time still ahead.
// Cached under one tag for every page; lib/articles/scheduling/due-work.ts clears flags that ran out
// and expires the tag, so the banner leaves every page at its time.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { articlePath } from '@/lib/articles/urls';
import { duringBuild } from '@/lib/build-phase';
import { isPublicArticle } from '@/lib/articles/public';

export type BreakingNews = { headline: string; kicker: string; path: string; until: string };

type Dated = { id: number; publishedAt: Date | null };
/** Newest first by date, then by id: the order of every list of articles. */
const isNewer = (a: Dated, b: Dated): boolean => {
  const difference = (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0);
  return difference > 0 || (difference === 0 && a.id > b.id);
};

export function getBreakingNews(): Promise<BreakingNews | null> {
  if (duringBuild()) return Promise.resolve(null);
  return unstable_cache(
    async (): Promise<BreakingNews | null> => {
      const now = new Date();
      // Every article flagged now, found by its flag alone (Article_breakingUntil_idx); which of them
      // are public, and the newest, is decided here. With the public rule in the query SQLite's planner
      // preferred the (status, publishedAt) index and walked every published article looking for a
      // flag: 3-5 s at 1,000,000 articles, holding the event loop (lib/articles/breaking-plan.test.ts).
      // A handful of articles are flagged at a time.
      const flagged = await db.article.findMany({
        where: { breakingUntil: { gt: now } },
        select: { id: true, status: true, publishedAt: true, headline: true, kicker: true, slug: true, breakingUntil: true, section: { select: { slug: true } } },
      });
      const row = flagged.filter((each) => isPublicArticle(each, now)).reduce<(typeof flagged)[number] | null>((newest, each) => (!newest || isNewer(each, newest) ? each : newest), null);
      if (!row?.breakingUntil) return null;
      return { headline: row.headline, kicker: row.kicker, path: articlePath(row), until: row.breakingUntil.toISOString() };
    },
    ['breaking-news'],
    { tags: [cacheTags.breaking] },
  )();
}
