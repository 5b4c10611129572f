// What article bodies name by id: the public articles that article-card blocks point to, and with
// lib/media/body-media.ts the media of picture and video blocks. One query each, uncached: the
// article page loads them through its data cache (lib/articles/page-references.ts); feeds, cached
// whole under `feeds` (which every article change expires), call readBodyReferences directly. An
// article that is not public is absent: its card renders nothing. (No next/cache import here: e2e
// specs and CLIs load lib/feeds outside Next.)
import { db } from '@/lib/db/client';
import { cardSelect } from '@/lib/articles/select';
import { toArticleCard } from '@/lib/articles/mappers';
import { publicArticleWhere } from '@/lib/articles/public';
import { readBodyMedia } from '@/lib/media/body-media';
import { bodyReferenceIds, type BodyReferences } from '@/lib/articles/body/references';
import type { BodyDocument } from '@/lib/articles/body/schema';
import type { ArticleCard } from '@/lib/articles/types';

/** The public articles among `ids`, by id. */
export async function readBodyCards(ids: readonly number[]): Promise<Record<number, ArticleCard>> {
  if (ids.length === 0) return {};
  const rows = await db.article.findMany({ where: { ...publicArticleWhere(), id: { in: [...ids] } }, select: cardSelect });
  return Object.fromEntries(rows.map((row) => [row.id, toArticleCard(row)]));
}

/** Everything the bodies name (one body, or a feed's worth), uncached: one media query, one article query. */
export async function readBodyReferences(bodies: BodyDocument | readonly BodyDocument[]): Promise<BodyReferences> {
  const { mediaIds, articleIds } = bodyReferenceIds(bodies);
  const [media, articles] = await Promise.all([readBodyMedia(mediaIds), readBodyCards(articleIds)]);
  return { media, articles };
}
