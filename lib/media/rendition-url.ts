// Short addresses for the renditions next/image asks its optimizer for. The default loader writes
// `/_next/image?url=%2Fmedia%2Fgenerated%2Fpicture.jpg&w=828&q=75` (74 bytes in HTML, where `&` is
// `&amp;`), five times a picture (four srcset widths and the src); this writes
// `/media/828w/generated/picture.jpg` (36). next.config.js rewrites that address to the same
// optimizer request, so the file a reader gets, its cache and its width allowlist are next/image's
// own (docs/decisions/0023-render-path.md). Plain module with no imports: it runs in the browser too
// (components/media/rendition-attributes.ts passes it to next/image's getImageProps as its `loader`).

/** The optimizer's quality the rewrite fixes (next/image's default, the only one in `images.qualities`). */
export const renditionQuality = 75;

/** Whether a picture's address can take the short form: one of Lede's media files, not an SVG (which
 * next/image serves as it is) and no query of its own. Anything else keeps next/image's default loader. */
export function hasShortRendition(src: string): boolean {
  return src.startsWith('/media/') && !src.includes('?') && !src.toLowerCase().endsWith('.svg');
}

/** next/image `loader`: `/media/generated/picture.jpg` at 828 → `/media/828w/generated/picture.jpg`. */
export function renditionLoader({ src, width, quality }: { src: string; width: number; quality?: number }): string {
  if (!hasShortRendition(src) || (quality !== undefined && quality !== renditionQuality)) {
    // Not expected (Rendition only passes this loader for media files, at the default quality), but a
    // wrong address must not be made: the optimizer's own, as next/image's default loader writes it.
    return `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=${quality ?? renditionQuality}`;
  }
  return `/media/${width}w/${src.slice('/media/'.length)}`;
}
