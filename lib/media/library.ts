// The newsroom's media library: a page of media with what its grid shows, the choices of the lead
// media and picture selects, and the library page's query. Never cached, like every newsroom read.
import { z } from 'zod';
import type { Option } from '@/lib/articles/admin-queries';
import { toMediaView } from '@/lib/articles/mappers';
import type { MediaView } from '@/lib/articles/types';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { outcomeParams, pageNumberParam, recordIdQueryParam } from '@/lib/forms/search-params';

export type MediaRowForAdmin = MediaView & { createdAt: string; bytes: number | null; thumbUrl: string | null };

export const mediaPageSize = 24;

const adminMediaSelect = {
  id: true, kind: true, path: true, mimeType: true, width: true, height: true, alt: true, caption: true, credit: true,
  durationSeconds: true, bytes: true, createdAt: true, renditions: true, poster: { select: { path: true, width: true, height: true, renditions: true } },
} satisfies Prisma.MediaSelect;

function toAdminRow(row: Prisma.MediaGetPayload<{ select: typeof adminMediaSelect }>): MediaRowForAdmin {
  const view = toMediaView(row)!;
  return { ...view, createdAt: row.createdAt.toISOString(), bytes: row.bytes, thumbUrl: view.kind === 'image' ? view.url : view.posterUrl };
}

export async function listMediaForAdmin(page = 1, kind?: 'image' | 'video'): Promise<{ rows: MediaRowForAdmin[]; total: number; pageCount: number }> {
  // Posters are media of their own but belong to their video: the library lists them with it.
  const where: Prisma.MediaWhereInput = { posterOf: { none: {} }, ...(kind ? { kind } : {}) };
  const [rows, total] = await Promise.all([
    db.media.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (Math.max(1, page) - 1) * mediaPageSize,
      take: mediaPageSize,
      select: adminMediaSelect,
    }),
    db.media.count({ where }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / mediaPageSize)), rows: rows.map(toAdminRow) };
}

/** One media item as the library shows it (the body editor's picture and video blocks preview it). */
export async function getMediaForAdmin(id: number): Promise<MediaRowForAdmin | null> {
  const row = await db.media.findUnique({ where: { id }, select: adminMediaSelect });
  return row ? toAdminRow(row) : null;
}

/** The query of the library's JSON list (the body editor's picture and video dialogs). */
export const mediaListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  kind: z.enum(['image', 'video']).optional().catch(undefined),
});

/** The library page's query: its page, the media to confirm deleting, the one just uploaded. */
export const mediaLibraryParams = z.object({
  page: pageNumberParam(10_000),
  delete: recordIdQueryParam,
  id: recordIdQueryParam,
  ...outcomeParams,
});

/** Choices for the lead media and related-link picture selects (and, images only, a contributor's photo): newest first. */
export async function mediaOptions(limit = 200, kind?: 'image'): Promise<Option[]> {
  const rows = await db.media.findMany({
    where: { posterOf: { none: {} }, ...(kind ? { kind } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, kind: true, alt: true, path: true },
  });
  return rows.map((row) => ({ id: row.id, label: `#${row.id} ${row.kind}: ${row.alt || row.path.split('/').at(-1)}`.slice(0, 120) }));
}
