import type { BlockOf } from '@/lib/articles/body/schema';
import type { MediaView } from '@/lib/articles/types';
import { MediaCaption } from '@/components/article/blocks/MediaCaption';
import { VideoPlayer } from '@/components/media/VideoPlayer';

/** A video in the story: the native player with its poster, fetching nothing but the poster until
 * asked (preload="none": a body may hold several). Media that is gone renders nothing. */
export function VideoBlock({ block, media }: { block: BlockOf<'video'>; media: MediaView | undefined }) {
  if (!media || media.kind !== 'video') return null;
  return (
    <figure>
      <VideoPlayer media={media} title={block.caption || media.alt || 'Video'} preload="none" />
      <MediaCaption caption={block.caption} credit={block.credit || media.credit} />
    </figure>
  );
}
