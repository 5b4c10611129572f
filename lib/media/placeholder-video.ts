// The placeholder video as demo content uses it: the project's small MP4 copied under MEDIA_ROOT,
// with a drawn 16:9 poster (and its crops) as its poster image.
import type { Media } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { makeRenditions } from '@/lib/media/renditions';
import { placeholderPoster, placeholderPosterSize, placeholderVideo } from '@/lib/media/placeholders';
import { copyIntoMedia, saveMedia, writeMediaFile, type MediaClient } from '@/lib/media/store';

export type PlaceholderVideoInput = {
  videoPath: string;
  posterPath: string;
  /** Which drawing the poster gets (the same seed always draws the same poster). */
  posterSeed: number;
  alt: string;
  posterAlt: string;
  caption?: string;
};

export async function savePlaceholderVideo(input: PlaceholderVideoInput, client: MediaClient = db): Promise<Media> {
  const posterImage = await placeholderPoster(input.posterSeed);
  const poster = await saveMedia(
    {
      kind: 'image',
      path: input.posterPath,
      mimeType: 'image/jpeg',
      ...placeholderPosterSize,
      bytes: await writeMediaFile(input.posterPath, posterImage),
      alt: input.posterAlt,
      renditions: await makeRenditions(posterImage, input.posterPath, placeholderPosterSize),
    },
    client,
  );
  return saveMedia(
    {
      kind: 'video',
      path: input.videoPath,
      mimeType: placeholderVideo.mimeType,
      width: placeholderVideo.width,
      height: placeholderVideo.height,
      durationSeconds: placeholderVideo.durationSeconds,
      bytes: await copyIntoMedia(placeholderVideo.file, input.videoPath),
      alt: input.alt,
      caption: input.caption,
      posterId: poster.id,
    },
    client,
  );
}
