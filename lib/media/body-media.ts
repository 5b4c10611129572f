// The media that article bodies name (picture and video blocks), loaded in one query when a page is
// rendered. Through Next's data cache with a `media:{id}` tag each, so the tags end up on the page
// that used them (docs/caching.md). Missing ids are simply absent: the block renders nothing.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { mediaSelect } from '@/lib/articles/select';
import { toMediaView } from '@/lib/articles/mappers';
import type { MediaView } from '@/lib/articles/types';

/** Uncached: for callers cached as a whole (feeds, whose `feeds` tag every article change expires). */
export async function readBodyMedia(ids: readonly number[]): Promise<Record<number, MediaView>> {
  if (ids.length === 0) return {};
  const rows = await db.media.findMany({ where: { id: { in: [...ids] } }, select: mediaSelect });
  return Object.fromEntries(rows.map((row) => [row.id, toMediaView(row)!]));
}

/** `ids` sorted and unique (bodyReferenceIds): the cache key is the list. */
export function loadBodyMedia(ids: readonly number[]): Promise<Record<number, MediaView>> {
  if (ids.length === 0) return Promise.resolve({});
  return unstable_cache(() => readBodyMedia(ids), ['body-media', ids.join(',')], { tags: ids.map(cacheTags.media) })();
}
