// A picture's srcset without the widths its file cannot fill. next/image lists every configured width
// (`images.deviceSizes`) whatever the file's own width; the optimizer never enlarges, so for a
// 1,200-pixel picture the 1,600 entry is the 1,200 file again under another address: bytes in every
// page that carries it, and a second cached copy of the same rendition. The widths below the file's
// are kept, and the first one at or past it (the optimizer answers it with the whole file).
// Plain module with no imports: it runs in the browser too (components/media/rendition-attributes.ts,
// called by the Rendition island).

export type Candidates = { srcSet: string; src: string };

/** `srcSet` as next/image writes it ("url 480w, url 828w, …", widths ascending) cut at `width`; `src`
 * is the widest candidate kept. With no w-descriptor list (an SVG, an unoptimised file) it is left as it was. */
export function candidatesUpTo(srcSet: string | undefined, fallbackSrc: string, width: number): Candidates {
  if (!srcSet) return { srcSet: '', src: fallbackSrc };
  const entries = srcSet.split(/,\s+/).map((entry) => {
    const at = entry.lastIndexOf(' ');
    return { url: entry.slice(0, at), descriptor: entry.slice(at + 1) };
  });
  if (!entries.every((entry) => /^\d+w$/.test(entry.descriptor) && entry.url)) return { srcSet, src: fallbackSrc };
  const kept: typeof entries = [];
  for (const entry of entries) {
    kept.push(entry);
    if (Number.parseInt(entry.descriptor, 10) >= width) break;
  }
  return { srcSet: kept.map((entry) => `${entry.url} ${entry.descriptor}`).join(','), src: kept.at(-1)!.url };
}
