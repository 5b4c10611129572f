// The attributes of a picture's <img>, from next/image's own getImageProps: its config (the widths,
// `images.deviceSizes`), its `sizes` parsing and, for Lede's media files, the short rendition
// addresses (lib/media/rendition-url.ts). What is written is what a reader's browser uses: no
// data-nimg, no `style="color:transparent"` and no `decoding` (next/image's component adds them for
// its placeholders and load events, which Lede does not use), and no width the file cannot fill
// (lib/media/srcset.ts). Decision 0032. Runs in the browser too (the picture islands).
import { getImageProps } from 'next/image';
import { hasShortRendition, renditionLoader } from '@/lib/media/rendition-url';
import { candidatesUpTo } from '@/lib/media/srcset';

export type RenditionAttributes = { src: string; srcSet: string | undefined; sizes: string | undefined };

export function renditionAttributes({ src, width, height, sizes }: { src: string; width: number; height: number; sizes: string }): RenditionAttributes {
  const { props } = getImageProps({ src, width, height, sizes, alt: '', ...(hasShortRendition(src) ? { loader: renditionLoader } : {}) });
  const candidates = candidatesUpTo(props.srcSet, props.src, width);
  return { src: candidates.src, srcSet: candidates.srcSet || undefined, sizes: candidates.srcSet ? sizes : undefined };
}
