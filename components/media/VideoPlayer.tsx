import type { MediaView } from '@/lib/articles/types';

/** A native player: plays without JavaScript, fetches only metadata until asked. */
export function VideoPlayer({ media, title, preload = 'metadata' }: { media: MediaView; title: string; preload?: 'metadata' | 'none' }) {
  return (
    <video
      controls
      preload={preload}
      poster={media.posterUrl ?? undefined}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      aria-label={title}
      className="aspect-video h-auto w-full bg-black"
    >
      <source src={media.url} type={media.mimeType} />
      <a href={media.url}>Download the video</a>
    </video>
  );
}
