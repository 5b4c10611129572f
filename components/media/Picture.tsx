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
  /** The alt text where it is used (a picture block's own), instead of the library's. */
  alt?: string;
};

/** An image (or a video's poster) through next/image: responsive srcset, width and height given so
 * the page never shifts while it loads. */
export function Picture({ media, sizes, priority = false, className, decorative = false, alt }: PictureProps) {
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
      alt={decorative ? '' : alt ?? media.alt}
      priority={priority}
      // The largest paint: fetched before the page's other pictures and scripts, not only preloaded.
      fetchPriority={priority ? 'high' : undefined}
      className={className ?? 'h-auto w-full'}
    />
  );
}
