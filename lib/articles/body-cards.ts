// What article bodies name by id, loaded with the page: the public articles that article-card blocks
// point to (one query), and with lib/media/body-media.ts the media of picture and video blocks.
// Through Next's data cache tagged `article:{id}` per card, so the tag ends up on the page and a
// change to a carded article (its headline, its picture, its unpublishing) refreshes the page that
// shows the card (docs/caching.md). An article that is not public is absent: its card renders nothing.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { cardSelect } from '@/lib/articles/select';
import { toArticleCard } from '@/lib/articles/mappers';
import { publicArticleWhere } from '@/lib/articles/public';
import { loadBodyMedia, readBodyMedia } from '@/lib/media/body-media';
import { bodyReferenceIds, type BodyReferences } from '@/lib/articles/body/references';
import type { BodyDocument } from '@/lib/articles/body/schema';
import type { ArticleCard } from '@/lib/articles/types';

async function readCards(ids: readonly number[]): Promise<Record<number, ArticleCard>> {
  if (ids.length === 0) return {};
  const rows = await db.article.findMany({ where: { ...publicArticleWhere(), id: { in: [...ids] } }, select: cardSelect });
  return Object.fromEntries(rows.map((row) => [row.id, toArticleCard(row)]));
}

/** `ids` sorted and unique (bodyReferenceIds): the cache key is the list. */
export function loadBodyCards(ids: readonly number[]): Promise<Record<number, ArticleCard>> {
  if (ids.length === 0) return Promise.resolve({});
  return unstable_cache(() => readCards(ids), ['body-cards', ids.join(',')], { tags: ids.map(cacheTags.article) })();
}

/** Everything the bodies name (one body, or a feed's worth): one media query and one article query. */
export async function loadBodyReferences(bodies: BodyDocument | readonly BodyDocument[]): Promise<BodyReferences> {
  const { mediaIds, articleIds } = bodyReferenceIds(bodies);
  const [media, articles] = await Promise.all([loadBodyMedia(mediaIds), loadBodyCards(articleIds)]);
  return { media, articles };
}

/** The same, uncached: for callers cached as a whole (feeds: every article change expires `feeds`). */
export async function readBodyReferences(bodies: BodyDocument | readonly BodyDocument[]): Promise<BodyReferences> {
  const { mediaIds, articleIds } = bodyReferenceIds(bodies);
  const [media, articles] = await Promise.all([readBodyMedia(mediaIds), readCards(articleIds)]);
  return { media, articles };
}
