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
      // Only when true: a prop passed to this client component travels in the page's RSC payload,
      // and `priority: false` is next/image's default (a key left out costs nothing; undefined would
      // still be written as "$undefined").
      {...(priority ? { priority: true } : {})}
      // The largest paint: fetched before the page's other pictures and scripts, not only preloaded.
      {...(priority ? { fetchPriority: 'high' as const } : {})}
      className={className ?? 'h-auto w-full'}
    />
  );
}
