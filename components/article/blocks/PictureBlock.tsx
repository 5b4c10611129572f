import type { BlockOf } from '@/lib/articles/body/schema';
import type { MediaView } from '@/lib/articles/types';
import { Picture } from '@/components/media/Picture';

/** A picture in the story: the lead media's component and renditions (srcset, width and height,
 * loaded lazily), with the block's own alt text, caption and credit (the library's credit when the
 * block has none). Media that is gone renders nothing. */
export function PictureBlock({ block, media }: { block: BlockOf<'picture'>; media: MediaView | undefined }) {
  if (!media || media.kind !== 'image') return null;
  const credit = block.credit || media.credit;
  return (
    <figure>
      <Picture media={media} alt={block.alt} sizes="(min-width: 768px) 720px, 100vw" className="h-auto w-full" />
      {block.caption || credit ? (
        <figcaption dir="auto">
          {block.caption}
          {credit ? <span className="ml-1 text-muted">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
