'use client';
// next/image with Lede's short rendition addresses (lib/media/rendition-url.ts). A client component
// because next/image takes its `loader` as a function, which cannot travel from a server component;
// next/image is a client component already, so this adds no island of its own, and its props are what
// the page's RSC payload carries for a picture: keep them few (docs/decisions/0023-render-path.md).
import Image from 'next/image';
import { hasShortRendition, renditionLoader } from '@/lib/media/rendition-url';

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
  className?: string;
};

export function Rendition({ src, width, height, sizes, alt, priority = false, className = defaultClassName }: RenditionProps) {
  return (
    <Image
      src={src}
      width={width}
      height={height}
      sizes={sizes}
      alt={alt}
      {...(hasShortRendition(src) ? { loader: renditionLoader } : {})}
      priority={priority}
      // The largest paint: fetched before the page's other pictures and scripts, not only preloaded.
      {...(priority ? { fetchPriority: 'high' as const } : {})}
      className={className}
    />
  );
}
