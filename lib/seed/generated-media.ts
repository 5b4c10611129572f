// The pictures and the video generated articles share: 24 placeholder pictures and one placeholder
// video with its poster, made once under MEDIA_ROOT/generated/ and reused by every run.
import fs from 'node:fs';
import { db } from '@/lib/db/client';
import type { Media } from '@/lib/generated/prisma/client';
import { placeholderImage, placeholderImageAlt, placeholderImageSize, placeholderPoster, placeholderPosterSize, placeholderVideo } from '@/lib/media/placeholders';
import { copyIntoMedia, mediaFileExists, saveMedia, writeMediaFile } from '@/lib/media/store';
import { makeRenditions } from '@/lib/media/renditions';

export const generatedPictureCount = 24;

export type GeneratedMedia = { pictures: Media[]; video: Media };

async function existing(path: string): Promise<Media | null> {
  const media = await db.media.findUnique({ where: { path } });
  return media && mediaFileExists(path) ? media : null;
}

export async function ensureGeneratedMedia(): Promise<GeneratedMedia> {
  const pictures: Media[] = [];
  for (let index = 0; index < generatedPictureCount; index += 1) {
    const path = `generated/picture-${String(index + 1).padStart(2, '0')}.jpg`;
    // Seeds three apart walk through every background, shape colour and shape.
    const seed = index * 3 + (index % 3);
    const found = await existing(path);
    if (found) {
      pictures.push(found);
      continue;
    }
    const image = await placeholderImage(seed);
    const bytes = await writeMediaFile(path, image);
    // Crops for cards and crawlers (Google asks for 16:9, 4:3 and 1:1), as an upload would make them.
    const renditions = await makeRenditions(image, path, placeholderImageSize);
    pictures.push(await saveMedia({ kind: 'image', path, mimeType: 'image/jpeg', ...placeholderImageSize, bytes, alt: placeholderImageAlt(seed), renditions }));
  }

  const videoPath = 'generated/video.mp4';
  let video = await existing(videoPath);
  if (!video) {
    const posterPath = 'generated/video-poster.jpg';
    const posterImage = await placeholderPoster(5);
    const posterBytes = await writeMediaFile(posterPath, posterImage);
    const renditions = await makeRenditions(posterImage, posterPath, { ...placeholderPosterSize });
    const poster = await saveMedia({ kind: 'image', path: posterPath, mimeType: 'image/jpeg', ...placeholderPosterSize, bytes: posterBytes, alt: 'Poster frame of a placeholder video: a colour test pattern', renditions });
    const bytes = await copyIntoMedia(placeholderVideo.file, videoPath);
    video = await saveMedia({
      kind: 'video',
      path: videoPath,
      mimeType: placeholderVideo.mimeType,
      width: placeholderVideo.width,
      height: placeholderVideo.height,
      durationSeconds: placeholderVideo.durationSeconds,
      bytes,
      alt: 'Placeholder video: a moving colour test pattern',
      posterId: poster.id,
    });
  }
  if (!fs.existsSync(placeholderVideo.file)) throw new Error(`missing ${placeholderVideo.file}`);
  return { pictures, video };
}
