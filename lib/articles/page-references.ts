// What the article page's body names, loaded with the page through Next's data cache: the media
// (tagged `media:{id}`) and the carded articles (tagged `article:{id}`), one query each. The tags end
// up on the page (docs/caching.md), so a change to a carded article (headline, picture, unpublishing:
// every article write records `article:{id}`) refreshes every page that shows its card.
import { unstable_cache } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { readBodyCards } from '@/lib/articles/body-cards';
import { readBodyMedia } from '@/lib/media/body-media';
import { bodyReferenceIds, type BodyReferences } from '@/lib/articles/body/references';
import type { BodyDocument } from '@/lib/articles/body/schema';
import type { ArticleCard, MediaView } from '@/lib/articles/types';

/** `ids` sorted and unique (bodyReferenceIds): the cache key is the list. */
export function loadBodyMedia(ids: readonly number[]): Promise<Record<number, MediaView>> {
  if (ids.length === 0) return Promise.resolve({});
  return unstable_cache(() => readBodyMedia(ids), ['body-media', ids.join(',')], { tags: ids.map(cacheTags.media) })();
}

/** `ids` sorted and unique (bodyReferenceIds): the cache key is the list. */
export function loadBodyCards(ids: readonly number[]): Promise<Record<number, ArticleCard>> {
  if (ids.length === 0) return Promise.resolve({});
  return unstable_cache(() => readBodyCards(ids), ['body-cards', ids.join(',')], { tags: ids.map(cacheTags.article) })();
}

export async function loadBodyReferences(body: BodyDocument): Promise<BodyReferences> {
  const { mediaIds, articleIds } = bodyReferenceIds(body);
  const [media, articles] = await Promise.all([loadBodyMedia(mediaIds), loadBodyCards(articleIds)]);
  return { media, articles };
}
