// The media that article bodies name (picture and video blocks), by id, in one query. Missing ids
// are simply absent: the block renders nothing. Cached for the article page by
// lib/articles/page-references.ts.
import { db } from '@/lib/db/client';
import { mediaSelect } from '@/lib/articles/select';
import { toMediaView } from '@/lib/articles/mappers';
import type { MediaView } from '@/lib/articles/types';

export async function readBodyMedia(ids: readonly number[]): Promise<Record<number, MediaView>> {
  if (ids.length === 0) return {};
  const rows = await db.media.findMany({ where: { id: { in: [...ids] } }, select: mediaSelect });
  return Object.fromEntries(rows.map((row) => [row.id, toMediaView(row)!]));
}
