// Where a piece of media is used: which articles show it, and how. Deleting media is refused while
// anything uses it (lib/media/delete.ts), and the refusal names the articles. Articles in every
// status count (a draft's lead image is as much "in use" as a published one's).
import { db } from '@/lib/db/client';
import { onPostgres, parameters } from '@/lib/db/dialect';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { StoredRenditions } from '@/lib/media/renditions';

export type MediaUseKind = 'lead' | 'related-link' | 'body' | 'poster' | 'contributor-photo';

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
 * The articles whose body shows these media in a picture or video block (blocks name media by id:
 * lib/articles/body/schema.ts). The JSON functions differ between the databases; both scan every
 * body's blocks, which a deletion (rare, by hand) can afford.
 */
async function articlesShowingInBody(client: Client, mediaIds: readonly number[]): Promise<{ id: number; headline: string }[]> {
  const rows = onPostgres()
    ? await client.$queryRawUnsafe<{ id: number | bigint; headline: string }[]>(
        `SELECT DISTINCT a."id", a."headline" FROM "Article" a, jsonb_array_elements(a."body"->'blocks') AS b(value)
         WHERE b.value->>'type' IN ('picture', 'video') AND b.value->>'mediaId' IN (${parameters(mediaIds.length)}) ORDER BY a."id"`,
        ...mediaIds.map(String),
      )
    : await client.$queryRawUnsafe<{ id: number | bigint; headline: string }[]>(
        `SELECT DISTINCT a."id", a."headline" FROM "Article" a, json_each(a."body", '$.blocks') AS b
         WHERE json_extract(b.value, '$.type') IN ('picture', 'video') AND json_extract(b.value, '$.mediaId') IN (${parameters(mediaIds.length)}) ORDER BY a."id"`,
        ...mediaIds,
      );
  return rows.map((row) => ({ id: Number(row.id), headline: row.headline }));
}

/**
 * Every use of these media rows (a video and its poster are asked about together): as lead media, in
 * a related link, in a picture or video block of a body, as a video's poster.
 */
export async function findMediaUses(mediaIds: readonly number[], client: Client = db): Promise<MediaUse[]> {
  if (mediaIds.length === 0) return [];
  const rows = await client.media.findMany({
    where: { id: { in: [...mediaIds] } },
    select: { id: true, path: true, renditions: true, posterOf: { select: { id: true, alt: true } } },
  });
  const articleSelect = { id: true, headline: true } as const;
  // One after another: inside a transaction they share one connection anyway.
  const lead = await client.article.findMany({ where: { leadMediaId: { in: [...mediaIds] } }, select: articleSelect, orderBy: { id: 'asc' } });
  const related = await client.article.findMany({ where: { relatedLinks: { some: { mediaId: { in: [...mediaIds] } } } }, select: articleSelect, orderBy: { id: 'asc' } });
  const body = await articlesShowingInBody(client, mediaIds);
  const uses: MediaUse[] = [
    ...lead.map((article) => ({ kind: 'lead' as const, articleId: article.id, headline: article.headline })),
    ...related.map((article) => ({ kind: 'related-link' as const, articleId: article.id, headline: article.headline })),
    ...body.map((article) => ({ kind: 'body' as const, articleId: article.id, headline: article.headline })),
  ];
  // A contributor's photo is on their author page and in the structured data of every byline.
  const people = await client.contributor.findMany({ where: { photoId: { in: [...mediaIds] } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
  uses.push(...people.map((person) => ({ kind: 'contributor-photo' as const, articleId: null, headline: person.name, contributorId: person.id })));
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
