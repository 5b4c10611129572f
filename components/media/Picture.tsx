import Image from 'next/image';
import type { MediaView } from '@/lib/articles/types';

type PictureProps = {
  media: MediaView;
  /** The `sizes` attribute: how wide the picture is shown at each breakpoint. */
  sizes: string;
  priority?: boolean;
  className?: string;
  /** Decorative pictures (a card whose headline says it all) get empty alt text. */
  decorative?: boolean;
};

/** An image (or a video's poster) through next/image: responsive srcset, width and height given so
 * the page never shifts while it loads. */
export function Picture({ media, sizes, priority = false, className, decorative = false }: PictureProps) {
  const src = media.kind === 'video' ? media.posterUrl : media.url;
  const width = media.kind === 'video' ? media.posterWidth ?? media.width : media.width;
  const height = media.kind === 'video' ? media.posterHeight ?? media.height : media.height;
  if (!src || !width || !height) return null;
  return (
    <Image
      src={src}
      width={width}
      height={height}
      sizes={sizes}
      alt={decorative ? '' : media.alt}
      priority={priority}
      className={className ?? 'h-auto w-full'}
    />
  );
}
