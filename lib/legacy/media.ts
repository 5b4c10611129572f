// Media for legacy pictures (/YYYY/MM/DD/name.jpg|.mp4). The Media row keeps the old path in
// legacyPath and lives at legacy/YYYY/MM/DD/name under MEDIA_ROOT. The file is the real one when a
// media root holding it is given (--media-root), else a placeholder of the right kind: a hard link to
// one shared placeholder picture (or the placeholder video with a poster), so ten thousand missing
// pictures cost no disk and no drawing; a later run with the real files replaces them.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Media, Prisma } from '@/lib/generated/prisma/client';
import { legacyMediaKind } from '@/lib/legacy/pictures';
import { placeholderImage, placeholderImageAlt, placeholderImageSize, placeholderPoster, placeholderPosterSize, placeholderVideo } from '@/lib/media/placeholders';
import { copyIntoMedia, linkIntoMedia, mediaFile, saveMedia, writeMediaFile } from '@/lib/media/store';
import { makeRenditions } from '@/lib/media/renditions';

export type LegacyMediaOptions = {
  /** Folder holding the old site's files (pic paths are relative to it). */
  mediaRoot?: string;
  /** 'distinct': draw a picture of its own for each placeholder (the demo); 'shared': link one. */
  placeholders?: 'shared' | 'distinct';
};

export const legacyMediaPath = (pic: string): string => `legacy${pic}`;
const posterPath = (pic: string): string => `legacy${pic.replace(/\.mp4$/i, '')}.poster.jpg`;
const sharedPicture = 'placeholders/legacy-picture.jpg';
const sharedPoster = 'placeholders/legacy-poster.jpg';
const sharedVideo = 'placeholders/legacy-video.mp4';

function seedOf(text: string): number {
  let hash = 0;
  for (const character of text) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return hash;
}

let shared: { picture: string; poster: string; video: string } | undefined;

/** Writes the shared placeholder files once; returns their absolute paths. */
// The video is copied, not linked, from prisma/legacy/: media files must never share an inode with the repository.
export async function ensureSharedPlaceholders(): Promise<{ picture: string; poster: string; video: string }> {
  const picture = mediaFile(sharedPicture);
  const poster = mediaFile(sharedPoster);
  const video = mediaFile(sharedVideo);
  if (shared?.picture === picture && fs.existsSync(picture)) return shared;
  if (!fs.existsSync(picture)) await writeMediaFile(sharedPicture, await placeholderImage(7));
  if (!fs.existsSync(poster)) await writeMediaFile(sharedPoster, await placeholderPoster(11));
  if (!fs.existsSync(video)) await copyIntoMedia(placeholderVideo.file, sharedVideo);
  shared = { picture, poster, video };
  return shared;
}

function sourceFile(pic: string, options: LegacyMediaOptions): string | null {
  if (!options.mediaRoot) return null;
  const file = path.join(options.mediaRoot, ...pic.split('/').filter(Boolean));
  return fs.existsSync(file) ? file : null;
}

export type KnownMedia = Pick<Media, 'id' | 'bytes'>;

/** The Media of a legacy picture, created (with its file) when missing. */
export async function legacyPictureMedia(
  tx: Prisma.TransactionClient,
  pic: string,
  alt: string,
  options: LegacyMediaOptions = {},
  /** The row already looked up by the caller (null: none), to save a query a picture. */
  known?: KnownMedia | null,
): Promise<KnownMedia> {
  const existing = known === undefined ? await tx.media.findUnique({ where: { path: legacyMediaPath(pic) }, select: { id: true, bytes: true } }) : known;
  const source = sourceFile(pic, options);
  // A known picture stays as it is unless the real file has arrived since (its size tells).
  if (existing && (!source || existing.bytes === fs.statSync(source).size)) return existing;

  const kind = legacyMediaKind(pic);
  const relative = legacyMediaPath(pic);
  if (kind === 'image') {
    let width: number | null = placeholderImageSize.width;
    let height: number | null = placeholderImageSize.height;
    let bytes: number;
    // Real pictures and the demo's own placeholders get crops (16:9, 4:3, 1:1) like an upload; the
    // one shared placeholder of a bulk import does not (thousands of identical crops help nobody).
    let picture: Buffer | null = null;
    if (source) {
      bytes = await copyIntoMedia(source, relative);
      const meta = await sharp(source).metadata().catch(() => null);
      width = meta?.width ?? null;
      height = meta?.height ?? null;
      picture = width && height ? fs.readFileSync(source) : null;
    } else if (options.placeholders === 'distinct') {
      picture = await placeholderImage(seedOf(pic));
      bytes = await writeMediaFile(relative, picture);
    } else {
      bytes = linkIntoMedia((await ensureSharedPlaceholders()).picture, relative);
    }
    const renditions = picture && width && height ? await makeRenditions(picture, relative, { width, height }).catch(() => null) : null;
    const input = { kind, path: relative, legacyPath: pic, mimeType: 'image/jpeg', width, height, bytes, alt: alt || placeholderImageAlt(seedOf(pic)), ...(renditions ? { renditions } : {}) };
    // A picture seen for the first time needs one INSERT, not an upsert's look-up and write.
    return existing ? saveMedia(input, tx) : tx.media.create({ data: input, select: { id: true, bytes: true } });
  }

  const posterFile = posterPath(pic);
  const posterImage = options.placeholders === 'distinct' ? await placeholderPoster(seedOf(pic)) : null;
  const posterBytes = posterImage
    ? await writeMediaFile(posterFile, posterImage)
    : linkIntoMedia((await ensureSharedPlaceholders()).poster, posterFile);
  const posterRenditions = posterImage ? await makeRenditions(posterImage, posterFile, { ...placeholderPosterSize }) : null;
  const poster = await saveMedia(
    { kind: 'image', path: posterFile, mimeType: 'image/jpeg', ...placeholderPosterSize, bytes: posterBytes, alt: `Poster frame: ${alt}`, renditions: posterRenditions },
    tx,
  );
  const bytes = source
    ? await copyIntoMedia(source, relative)
    : options.placeholders === 'distinct'
      ? await copyIntoMedia(placeholderVideo.file, relative)
      : linkIntoMedia((await ensureSharedPlaceholders()).video, relative);
  return saveMedia(
    {
      kind,
      path: relative,
      legacyPath: pic,
      mimeType: placeholderVideo.mimeType,
      // The real file's frame size is unknown without a video probe; the placeholder's is known.
      width: source ? null : placeholderVideo.width,
      height: source ? null : placeholderVideo.height,
      durationSeconds: source ? null : placeholderVideo.durationSeconds,
      bytes,
      alt,
      posterId: poster.id,
    },
    tx,
  );
}
