// The pictures and the video generated articles share: 24 placeholder pictures and one placeholder
// video with its poster, made once under MEDIA_ROOT/generated/ and reused by every run.
import fs from 'node:fs';
import { db } from '@/lib/db/client';
import type { Media } from '@/lib/generated/prisma/client';
import { placeholderImage, placeholderImageAlt, placeholderImageSize, placeholderPoster, placeholderVideo } from '@/lib/media/placeholders';
import { copyIntoMedia, mediaFileExists, saveMedia, writeMediaFile } from '@/lib/media/store';

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
    const bytes = await writeMediaFile(path, await placeholderImage(seed));
    pictures.push(await saveMedia({ kind: 'image', path, mimeType: 'image/jpeg', ...placeholderImageSize, bytes, alt: placeholderImageAlt(seed) }));
  }

  const videoPath = 'generated/video.mp4';
  let video = await existing(videoPath);
  if (!video) {
    const posterPath = 'generated/video-poster.jpg';
    const posterBytes = await writeMediaFile(posterPath, await placeholderPoster(5));
    const poster = await saveMedia({ kind: 'image', path: posterPath, mimeType: 'image/jpeg', width: 640, height: 360, bytes: posterBytes, alt: 'Poster frame of a placeholder video: a colour test pattern' });
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
