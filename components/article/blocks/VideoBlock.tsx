import type { BlockOf } from '@/lib/articles/body/schema';
import type { MediaView } from '@/lib/articles/types';
import { VideoPlayer } from '@/components/media/VideoPlayer';

/** A video in the story: the native player with its poster, fetching nothing but the poster until
 * asked (preload="none": a body may hold several). Media that is gone renders nothing. */
export function VideoBlock({ block, media }: { block: BlockOf<'video'>; media: MediaView | undefined }) {
  if (!media || media.kind !== 'video') return null;
  const credit = block.credit || media.credit;
  return (
    <figure>
      <VideoPlayer media={media} title={block.caption || media.alt || 'Video'} preload="none" />
      {block.caption || credit ? (
        <figcaption dir="auto">
          {block.caption}
          {credit ? <span className="ml-1 text-muted">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
