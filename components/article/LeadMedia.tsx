import type { MediaView } from '@/lib/articles/types';
import { Picture } from '@/components/media/Picture';
import { VideoPlayer } from '@/components/media/VideoPlayer';

export function LeadMedia({ media, title }: { media: MediaView; title: string }) {
  const credit = media.credit ? <span className="ml-1 text-muted">{media.credit}</span> : null;
  return (
    <figure className="my-6">
      {media.kind === 'video' ? (
        <VideoPlayer media={media} title={title} />
      ) : (
        <Picture media={media} priority sizes="(min-width: 768px) 720px, 100vw" />
      )}
      {media.caption || media.credit ? (
        <figcaption className="mt-2 text-sm text-muted">
          {media.caption}
          {credit}
        </figcaption>
      ) : null}
    </figure>
  );
}
