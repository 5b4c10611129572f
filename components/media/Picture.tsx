import type { MediaView } from '@/lib/articles/types';
import { Rendition } from '@/components/media/Rendition';

type PictureProps = {
  media: MediaView;
  /** The `sizes` attribute: how wide the picture is shown at each breakpoint. */
  sizes: string;
  priority?: boolean;
  /** Rendition's default (`h-auto w-full`) when left out. */
  className?: string;
  /** Decorative pictures (a card whose headline says it all) get empty alt text. */
  decorative?: boolean;
  /** The alt text where it is used (a picture block's own), instead of the library's. */
  alt?: string;
};

/** An image (or a video's poster) through next/image (components/media/Rendition.tsx): responsive
 * srcset, width and height given so the page never shifts while it loads. Only what the picture needs
 * goes to the client component: its props are written into the page's RSC payload. */
export function Picture({ media, sizes, priority = false, className, decorative = false, alt }: PictureProps) {
  const src = media.kind === 'video' ? media.posterUrl : media.url;
  const width = media.kind === 'video' ? media.posterWidth ?? media.width : media.width;
  const height = media.kind === 'video' ? media.posterHeight ?? media.height : media.height;
  if (!src || !width || !height) return null;
  return (
    <Rendition
      src={src}
      width={width}
      height={height}
      sizes={sizes}
      alt={decorative ? '' : alt ?? media.alt}
      // Only when set: a key left out costs nothing in the payload (`false` or undefined would be written).
      {...(priority ? { priority: true } : {})}
      {...(className ? { className } : {})}
    />
  );
}
