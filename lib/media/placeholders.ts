// Placeholder media made by the project, for demo content and for legacy pictures whose files have
// not been copied across: images drawn with sharp from an SVG of shapes (no text, so no fonts), and a
// tiny H.264 video committed as prisma/legacy/placeholder.mp4 (docs/legacy-format.md has the command).
import path from 'node:path';
import sharp from 'sharp';
import { config } from '@/lib/config';

export const placeholderImageSize = { width: 1200, height: 900 } as const;
export const placeholderVideo = {
  file: path.join(/* turbopackIgnore: true */ config.projectRoot, 'prisma', 'legacy', 'placeholder.mp4'),
  mimeType: 'video/mp4',
  width: 320,
  height: 180,
  durationSeconds: 3,
} as const;

type Colour = { name: string; hex: string };
const fields: readonly Colour[] = [
  { name: 'navy', hex: '#1d3557' }, { name: 'teal', hex: '#1f6f78' }, { name: 'plum', hex: '#5b2a4e' },
  { name: 'forest green', hex: '#2d5a3d' }, { name: 'slate', hex: '#3d4a5c' }, { name: 'brick red', hex: '#8c3b2e' },
];
const shapesColours: readonly Colour[] = [
  { name: 'amber', hex: '#f4a259' }, { name: 'cream', hex: '#f1e9da' }, { name: 'coral', hex: '#e76f51' },
  { name: 'sky blue', hex: '#8ecae6' },
];
const shapeNames = ['circles', 'bars', 'diamonds'] as const;

/** How many distinct placeholder pictures there are (field × shape colour × shape). */
export const placeholderImageVariants = fields.length * shapesColours.length * shapeNames.length;

function variant(seed: number) {
  const index = ((seed % placeholderImageVariants) + placeholderImageVariants) % placeholderImageVariants;
  const field = fields[index % fields.length]!;
  const colour = shapesColours[Math.floor(index / fields.length) % shapesColours.length]!;
  const shape = shapeNames[Math.floor(index / (fields.length * shapesColours.length)) % shapeNames.length]!;
  return { field, colour, shape };
}

/** Alt text that says what the picture shows. */
export function placeholderImageAlt(seed: number): string {
  const { field, colour, shape } = variant(seed);
  return `Abstract placeholder picture: ${colour.name} ${shape} on a ${field.name} background`;
}

function shapesSvg(seed: number, width: number, height: number): string {
  const { field, colour, shape } = variant(seed);
  const unit = Math.min(width, height) / 6;
  const items: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const x = ((i * 2 + 1) * width) / 10;
    const y = height / 2 + Math.sin(i + seed) * unit;
    const size = unit * (0.6 + ((i * 37 + seed * 11) % 5) / 6);
    const opacity = (0.55 + (i % 3) * 0.15).toFixed(2);
    if (shape === 'circles') items.push(`<circle cx="${x}" cy="${y}" r="${size}" fill="${colour.hex}" fill-opacity="${opacity}"/>`);
    else if (shape === 'bars') items.push(`<rect x="${x - size / 3}" y="${height - size * 3}" width="${(size * 2) / 3}" height="${size * 3}" fill="${colour.hex}" fill-opacity="${opacity}"/>`);
    else items.push(`<rect x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size}" transform="rotate(45 ${x} ${y})" fill="${colour.hex}" fill-opacity="${opacity}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${field.hex}"/><stop offset="1" stop-color="#111827"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${items.join('')}</svg>`;
}

/** A 4:3 JPEG (1200x900 unless told) of coloured shapes; the same seed always gives the same picture. */
export async function placeholderImage(seed: number, size: { width: number; height: number } = placeholderImageSize): Promise<Buffer> {
  return sharp(Buffer.from(shapesSvg(seed, size.width, size.height)))
    .jpeg({ quality: 72, mozjpeg: true })
    .toBuffer();
}

/** Posters are 16:9 and at least 1200 px wide: the size Google wants for a large preview. */
export const placeholderPosterSize = { width: 1280, height: 720 } as const;

/** The poster of the placeholder video: a 16:9 frame in the same style. */
export async function placeholderPoster(seed: number): Promise<Buffer> {
  return placeholderImage(seed, placeholderPosterSize);
}
