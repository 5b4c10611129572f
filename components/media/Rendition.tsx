'use client';
// A picture at Lede's renditions: an <img> written from next/image's getImageProps
// (components/media/rendition-attributes.ts), so the optimizer, its widths and the short rendition
// addresses stay next/image's, without the attributes its component adds for features Lede does not
// use (decision 0032). A client component because the loader is a function and runs where the picture
// is rendered; its props are what the page's RSC payload carries for a picture: keep them few
// (docs/decisions/0023-render-path.md).
import { preload } from 'react-dom';
import { renditionAttributes } from '@/components/media/rendition-attributes';

/** The class most pictures want (full column width, height from the ratio): the default, so the
 * payload does not carry it for each of them. */
const defaultClassName = 'h-auto w-full';

type RenditionProps = {
  src: string;
  width: number;
  height: number;
  /** The `sizes` attribute: how wide the picture is shown at each breakpoint. */
  sizes: string;
  alt: string;
  priority?: boolean;
  /** Rendition's default when left out; null for none (a body picture is sized by the stylesheet). */
  className?: string | null;
};

export function Rendition({ src, width, height, sizes, alt, priority = false, className = defaultClassName }: RenditionProps) {
  const attributes = renditionAttributes({ src, width, height, sizes });
  // The largest paint: preloaded from the head (as next/image does for `priority`), fetched before the
  // page's other pictures and scripts, and never lazy.
  if (priority) preload(attributes.src, { as: 'image', imageSrcSet: attributes.srcSet, imageSizes: attributes.sizes, fetchPriority: 'high' });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- next/image's own attributes (getImageProps), written without its component's extras
    <img
      alt={alt}
      {...(priority ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })}
      width={width}
      height={height}
      className={className ?? undefined}
      sizes={attributes.sizes}
      srcSet={attributes.srcSet}
      src={attributes.src}
    />
  );
}
