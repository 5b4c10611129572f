// The breaking-news banner: the newest public article flagged breaking until a time still ahead.
// Cached under one tag for every page; lib/articles/scheduling/due-work.ts clears flags that ran out
// and expires the tag, so the banner leaves every page at its time.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { articlePath } from '@/lib/articles/urls';
import { duringBuild } from '@/lib/build-phase';
import { publicArticleWhere } from '@/lib/articles/public';

export type BreakingNews = { headline: string; kicker: string; path: string; until: string };

export function getBreakingNews(): Promise<BreakingNews | null> {
  if (duringBuild()) return Promise.resolve(null);
  return unstable_cache(
    async (): Promise<BreakingNews | null> => {
      const now = new Date();
      const row = await db.article.findFirst({
        where: { ...publicArticleWhere(now), breakingUntil: { gt: now } },
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        select: { headline: true, kicker: true, slug: true, breakingUntil: true, section: { select: { slug: true } } },
      });
      if (!row?.breakingUntil) return null;
      return { headline: row.headline, kicker: row.kicker, path: articlePath(row), until: row.breakingUntil.toISOString() };
    },
    ['breaking-news'],
    { tags: [cacheTags.breaking] },
  )();
}
