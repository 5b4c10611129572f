// Where a piece of media is used: which articles show it, and how. Deleting media is refused while
// anything uses it (lib/media/delete.ts), and the refusal names the articles. Articles in every
// status count (a draft's lead image is as much "in use" as a published one's); revisions and deleted
// articles do not (restoring either leaves out media deleted since: lib/articles/body/missing-media.ts).
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { StoredRenditions } from '@/lib/media/renditions';

export type MediaUseKind = 'lead' | 'picture' | 'video' | 'related-link' | 'poster' | 'contributor-photo';

export type MediaUse = {
  kind: MediaUseKind;
  /** The article that shows it, or null for a video that uses it as its poster. */
  articleId: number | null;
  headline: string;
  /** For a poster: the video it belongs to. */
  videoId?: number;
  /** For a contributor's photo: the contributor (headline is their name). */
  contributorId?: number;
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
 * One way something shows media: given media ids, the uses it finds. Each reads an index (no scan of
 * every body). A new thing that shows media (a contributor's photo, say) adds its finder to
 * `mediaUseFinders`, and deleting media then respects it with no other change.
 */
export type MediaUseFinder = (client: Client, mediaIds: readonly number[]) => Promise<MediaUse[]>;

const useOrder: Record<string, number> = { lead: 0, picture: 1, video: 2 };

/** Lead media and the picture and video blocks of bodies: the MediaUse index, which triggers on
 * Article keep in step with every write (prisma/migrations/20261128500000_media_uses). */
const articleUses: MediaUseFinder = async (client, mediaIds) => {
  const rows = await client.mediaUse.findMany({
    where: { mediaId: { in: [...mediaIds] } },
    select: { kind: true, articleId: true, article: { select: { headline: true } } },
  });
  const seen = new Set<string>();
  return rows
    .sort((a, b) => useOrder[a.kind]! - useOrder[b.kind]! || a.articleId - b.articleId)
    .filter((row) => !seen.has(`${row.kind}:${row.articleId}`) && Boolean(seen.add(`${row.kind}:${row.articleId}`)))
    .map((row) => ({ kind: row.kind, articleId: row.articleId, headline: row.article.headline }));
};

/** The picture of a related link: asked from RelatedLink's side, by its mediaId index (asked from
 * Article's, `relatedLinks: { some }`, it was an EXISTS per article: a scan of every article). */
const relatedLinkUses: MediaUseFinder = async (client, mediaIds) => {
  const rows = await client.relatedLink.findMany({
    where: { mediaId: { in: [...mediaIds] } },
    select: { articleId: true, article: { select: { headline: true } } },
    orderBy: { articleId: 'asc' },
  });
  const seen = new Set<number>();
  return rows
    .filter((row) => !seen.has(row.articleId) && Boolean(seen.add(row.articleId)))
    .map((row) => ({ kind: 'related-link' as const, articleId: row.articleId, headline: row.article.headline }));
};

/** A poster is used by its video, unless that video is being deleted with it. */
const posterUses: MediaUseFinder = async (client, mediaIds) => {
  const rows = await client.media.findMany({ where: { id: { in: [...mediaIds] } }, select: { posterOf: { select: { id: true, alt: true } } } });
  return rows.flatMap((row) =>
    row.posterOf.filter((video) => !mediaIds.includes(video.id)).map((video) => ({ kind: 'poster' as const, articleId: null, headline: video.alt, videoId: video.id })),
  );
};

/** A contributor's photo is on their author page and in the structured data of every byline. */
const contributorPhotoUses: MediaUseFinder = async (client, mediaIds) => {
  const people = await client.contributor.findMany({ where: { photoId: { in: [...mediaIds] } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
  return people.map((person) => ({ kind: 'contributor-photo' as const, articleId: null, headline: person.name, contributorId: person.id }));
};

/** Every way media can be used, in the order the newsroom lists them. */
export const mediaUseFinders: readonly MediaUseFinder[] = [articleUses, relatedLinkUses, contributorPhotoUses, posterUses];

/**
 * Every use of these media rows (a video and its poster are asked about together): as lead media, in
 * a picture or video block of a body, in a related link, as a contributor's photo, as a video's poster.
 */
export async function findMediaUses(mediaIds: readonly number[], client: Client = db): Promise<MediaUse[]> {
  if (mediaIds.length === 0) return [];
  const uses: MediaUse[] = [];
  // One after another: inside a transaction they share one connection anyway.
  for (const find of mediaUseFinders) uses.push(...(await find(client, mediaIds)));
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
