import type { BlockOf } from '@/lib/articles/body/schema';
import type { MediaView } from '@/lib/articles/types';
import { MediaCaption } from '@/components/article/blocks/MediaCaption';
import { Picture } from '@/components/media/Picture';

/** A picture in the story: the lead media's component and renditions (srcset, width and height,
 * loaded lazily), with the block's own alt text, caption and credit (the library's credit when the
 * block has none). Media that is gone renders nothing. */
export function PictureBlock({ block, media }: { block: BlockOf<'picture'>; media: MediaView | undefined }) {
  if (!media || media.kind !== 'image') return null;
  return (
    <figure>
      <Picture media={media} alt={block.alt} sizes="(min-width: 768px) 720px, 100vw" className="h-auto w-full" />
      <MediaCaption caption={block.caption} credit={block.credit || media.credit} />
    </figure>
  );
}
