// The pictures and the video generated articles share: 24 placeholder pictures and one placeholder
// video with its poster, made once under MEDIA_ROOT/generated/ and reused by every run.
import fs from 'node:fs';
import { db } from '@/lib/db/client';
import type { Media } from '@/lib/generated/prisma/client';
import { placeholderImage, placeholderImageAlt, placeholderImageSize, placeholderVideo } from '@/lib/media/placeholders';
import { mediaFileExists, saveMedia, writeMediaFile } from '@/lib/media/store';
import { savePlaceholderVideo } from '@/lib/media/placeholder-video';
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
  video ??= await savePlaceholderVideo({
    videoPath,
    posterPath: 'generated/video-poster.jpg',
    posterSeed: 5,
    alt: 'Placeholder video: a moving colour test pattern',
    posterAlt: 'Poster frame of a placeholder video: a colour test pattern',
  });
  if (!fs.existsSync(placeholderVideo.file)) throw new Error(`missing ${placeholderVideo.file}`);
  return { pictures, video };
}
