// Where a piece of media is used: which articles show it, and how. Deleting media is refused while
// anything uses it (lib/media/delete.ts), and the refusal names the articles. Articles in every
// status count (a draft's lead image is as much "in use" as a published one's).
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { StoredRenditions } from '@/lib/media/renditions';

export type MediaUseKind = 'lead' | 'related-link' | 'body' | 'poster';

export type MediaUse = {
  kind: MediaUseKind;
  /** The article that shows it, or null for a video that uses it as its poster. */
  articleId: number | null;
  headline: string;
  /** For a poster: the video it belongs to. */
  videoId?: number;
};

type Client = Prisma.TransactionClient;

type MediaFiles = { path: string; renditions: Prisma.JsonValue | null };

/** Every file of a media row, relative to MEDIA_ROOT: the original and each rendition (older rows'
 * srcset widths included: lib/media/renditions.ts). */
export function mediaFilesOf(media: MediaFiles): string[] {
  const set = media.renditions as StoredRenditions | null;
  const renditions = [...(set?.widths ?? []), ...Object.values(set?.crops ?? {})].flatMap((rendition) => (rendition?.path ? [rendition.path] : []));
  return [...new Set([media.path, ...renditions])];
}

/**
 * What to look for in bodies. Renditions are named after their original (`photo.jpg` →
 * `photo.4x3.webp`, and on older rows `photo.w640.webp`), so one needle, `/media/…/photo.`, finds the original and
 * each of them: every needle is a scan of every body (6 needles took 650 ms at 20,000 articles, one
 * 120 ms). Another file named like it (`photo.png` beside `photo.jpg`) counts as a use too: a
 * refusal too many, never a deletion too many.
 */
function bodyNeedles(media: MediaFiles): string[] {
  const extension = media.path.lastIndexOf('.');
  const stem = extension > media.path.lastIndexOf('/') ? `/media/${media.path.slice(0, extension + 1)}` : `/media/${media.path}`;
  return [stem, ...mediaFilesOf(media).map((file) => `/media/${file}`).filter((url) => !url.startsWith(stem))];
}

/**
 * Every use of these media rows (a video and its poster are asked about together). Bodies refer to
 * media by URL (`<img src="/media/…">`, or the site's absolute URL, which contains the same
 * `/media/…`), to the original or to any rendition, so each file's URL path is looked for.
 */
export async function findMediaUses(mediaIds: readonly number[], client: Client = db): Promise<MediaUse[]> {
  if (mediaIds.length === 0) return [];
  const rows = await client.media.findMany({
    where: { id: { in: [...mediaIds] } },
    select: { id: true, path: true, renditions: true, posterOf: { select: { id: true, alt: true } } },
  });
  const urls = [...new Set(rows.flatMap(bodyNeedles))];
  const articleSelect = { id: true, headline: true } as const;
  // One after another: inside a transaction they share one connection anyway.
  const lead = await client.article.findMany({ where: { leadMediaId: { in: [...mediaIds] } }, select: articleSelect, orderBy: { id: 'asc' } });
  const related = await client.article.findMany({ where: { relatedLinks: { some: { mediaId: { in: [...mediaIds] } } } }, select: articleSelect, orderBy: { id: 'asc' } });
  const body = urls.length
    ? await client.article.findMany({ where: { OR: urls.map((url) => ({ body: { contains: url } })) }, select: articleSelect, orderBy: { id: 'asc' } })
    : [];
  const uses: MediaUse[] = [
    ...lead.map((article) => ({ kind: 'lead' as const, articleId: article.id, headline: article.headline })),
    ...related.map((article) => ({ kind: 'related-link' as const, articleId: article.id, headline: article.headline })),
    ...body.map((article) => ({ kind: 'body' as const, articleId: article.id, headline: article.headline })),
  ];
  // A poster is used by its video, unless that video is being deleted with it.
  for (const row of rows) {
    for (const video of row.posterOf) {
      if (!mediaIds.includes(video.id)) uses.push({ kind: 'poster', articleId: null, headline: video.alt, videoId: video.id });
    }
  }
  return uses;
}

export type MediaDeleteCheck = { id: number; kind: 'image' | 'video'; label: string; uses: MediaUse[] };

/** What the newsroom's delete confirmation shows: the media, and what stops its deletion (if anything). */
export async function checkMediaForDelete(mediaId: number): Promise<MediaDeleteCheck | null> {
  const media = await db.media.findUnique({ where: { id: mediaId }, select: { id: true, kind: true, alt: true, path: true, posterId: true, poster: { select: { posterOf: { select: { id: true } } } } } });
  if (!media) return null;
  // The same set deleteMedia would delete: a video with its poster, unless another video shares it.
  const withPoster = media.posterId !== null && (media.poster?.posterOf ?? []).every((video) => video.id === media.id);
  const uses = await findMediaUses(withPoster ? [media.id, media.posterId!] : [media.id]);
  return { id: media.id, kind: media.kind, label: media.alt || media.path.split('/').at(-1) || `#${media.id}`, uses };
}
