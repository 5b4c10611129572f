import type { BlockOf } from '@/lib/articles/body/schema';
import type { MediaView } from '@/lib/articles/types';
import { PictureFigure } from '@/components/article/blocks/PictureFigure';

/** A picture in the story: the lead media's renditions (srcset, width and height, loaded lazily),
 * with the block's own alt text, caption and credit (the library's credit when the block has none).
 * Media that is gone renders nothing. */
export function PictureBlock({ block, media }: { block: BlockOf<'picture'>; media: MediaView | undefined }) {
  if (!media || media.kind !== 'image' || !media.width || !media.height) return null;
  return (
    <PictureFigure src={media.url} width={media.width} height={media.height} alt={block.alt} caption={block.caption} credit={block.credit || media.credit} />
  );
}
