// Image renditions made at upload with sharp: 16:9, 4:3 and 1:1 crops (chosen by sharp's "attention"
// strategy, which keeps faces and detail in frame) for crawlers' share images and structured data
// (lib/seo/images.ts reads them through MediaView.crops). Stored next to the original; their list is
// Media.renditions (RenditionSet).
//
// No srcset widths: pages show pictures through next/image (components/media/Picture.tsx), whose
// optimizer makes its own widths from the original, so the five WebP widths uploads used to write
// were never read. Rows written before keep them in `widths`: their files are still the row's, and
// still deleted with it (lib/media/usage.ts mediaFilesOf).
import path from 'node:path';
import sharp from 'sharp';
import { writeMediaFile } from '@/lib/media/store';

export const crops = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export const cropWidth = 1200;

export type Rendition = { path: string; width: number; height: number; mimeType: 'image/webp' };
export type RenditionSet = { crops: Partial<Record<keyof typeof crops, Rendition>> };
/** Media.renditions as stored: what uploads write now, or, from rows written before, srcset widths too. */
export type StoredRenditions = Partial<RenditionSet> & { widths?: Rendition[] };

/** `uploads/2030/01/abc-photo.jpg` → `uploads/2030/01/abc-photo.4x3.webp` */
const renditionPath = (original: string, suffix: string) => `${original.slice(0, original.length - path.extname(original).length)}.${suffix}.webp`;

export async function makeRenditions(original: Buffer, originalPath: string, size: { width: number; height: number }): Promise<RenditionSet> {
  const set: RenditionSet = { crops: {} };
  for (const [name, [w, h]] of Object.entries(crops) as [keyof typeof crops, readonly [number, number]][]) {
    // As wide as possible up to cropWidth while the crop still fits inside the original.
    const width = Math.min(cropWidth, size.width, Math.floor((size.height * w) / h));
    const height = Math.round((width * h) / w);
    if (width < 1 || height < 1) continue;
    const { data, info } = await sharp(original)
      .resize({ width, height, fit: 'cover', position: sharp.strategy.attention })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    const file = renditionPath(originalPath, name);
    await writeMediaFile(file, data);
    set.crops[name] = { path: file, width: info.width, height: info.height, mimeType: 'image/webp' };
  }
  return set;
}
