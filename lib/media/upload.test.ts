import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { sniffMediaType, uploadMedia, UploadError } from '@/lib/media/upload';
import type { RenditionSet } from '@/lib/media/renditions';
import { stagingFile } from '@/lib/media/staging';

/** A file as lib/media/receive.ts leaves it: staged on disk. */
function staged(name: string, bytes: Buffer) {
  const file = stagingFile();
  fs.writeFileSync(file, bytes);
  return { name, path: file, size: bytes.length };
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } }).jpeg().withMetadata({ exif: { IFD0: { Artist: 'Secret Camera' } } }).toBuffer();

describe('sniffMediaType', () => {
  it('goes by the bytes, not the name', async () => {
    expect(sniffMediaType(await photo(10, 10))?.mimeType).toBe('image/jpeg');
    expect(sniffMediaType(await sharp({ create: { width: 4, height: 4, channels: 4, background: '#fff' } }).png().toBuffer())?.mimeType).toBe('image/png');
    expect(sniffMediaType(fs.readFileSync(path.join(config.projectRoot, 'prisma/legacy/placeholder.mp4')))?.mimeType).toBe('video/mp4');
    expect(sniffMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffMediaType(Buffer.from('MZ\x90\x00'))).toBeNull();
  });
});

describe('uploadMedia', () => {
  it('stores an image without its metadata, with 16:9, 4:3 and 1:1 crops and no srcset widths (next/image makes its own)', async () => {
    const media = await uploadMedia({ file: staged('Harbour at dawn.PNG', await photo(2000, 1500)), alt: 'The harbour at dawn' }, null);
    expect(media.kind).toBe('image');
    expect(media.mimeType).toBe('image/jpeg');
    expect(media.path).toMatch(/^uploads\/\d{4}\/\d{2}\/[0-9a-f]{12}-harbour-at-dawn\.jpg$/);
    expect([media.width, media.height]).toEqual([2000, 1500]);
    const stored = fs.readFileSync(path.join(config.MEDIA_ROOT, media.path));
    expect(stored.includes(Buffer.from('Secret Camera'))).toBe(false);
    const set = media.renditions as unknown as RenditionSet;
    expect(Object.keys(set)).toEqual(['crops']);
    expect(set.crops['16x9']).toMatchObject({ width: 1200, height: 675 });
    expect(set.crops['4x3']).toMatchObject({ width: 1200, height: 900 });
    expect(set.crops['1x1']).toMatchObject({ width: 1200, height: 1200 });
    // The original and its three crops are all the upload wrote.
    const stem = path.basename(media.path, '.jpg');
    expect(fs.readdirSync(path.join(config.MEDIA_ROOT, path.dirname(media.path))).filter((name) => name.startsWith(`${stem}.`)).sort()).toEqual(
      [`${stem}.16x9.webp`, `${stem}.1x1.webp`, `${stem}.4x3.webp`, `${stem}.jpg`],
    );
    for (const rendition of Object.values(set.crops)) {
      const meta = await sharp(path.join(config.MEDIA_ROOT, rendition!.path)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', rendition!.width, rendition!.height]);
    }
    expect(await db.auditEntry.count({ where: { action: 'media.uploaded', targetId: String(media.id) } })).toBe(1);
  });

  it('never upscales a small image', async () => {
    const media = await uploadMedia({ file: staged('small.jpg', await photo(500, 300)), alt: 'Small' }, null);
    const set = media.renditions as unknown as RenditionSet;
    expect(set.crops['16x9']).toMatchObject({ width: 500, height: 281 });
    expect(set.crops['4x3']).toMatchObject({ width: 400, height: 300 });
    expect(set.crops['1x1']).toMatchObject({ width: 300, height: 300 });
  });

  it('refuses images without alt text, files of other types, and oversized files', async () => {
    const refuse = async (input: Parameters<typeof uploadMedia>[0]) => {
      const error = await uploadMedia(input, null).then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(UploadError);
      return error as UploadError;
    };
    expect((await refuse({ file: staged('a.jpg', await photo(20, 20)), alt: '  ' })).field).toBe('alt');
    expect((await refuse({ file: staged('evil.jpg', Buffer.from('<svg onload=alert(1)>')), alt: 'x' })).message).toMatch(/none of those/);
    expect((await refuse({ file: staged('broken.jpg', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01])), alt: 'x' })).message).toMatch(/cannot be read/);
    expect((await refuse({ file: null, alt: 'x' })).message).toMatch(/Choose a file/);
  });

  it('stores a video with its poster, and refuses a video without one', async () => {
    const video = fs.readFileSync(path.join(config.projectRoot, 'prisma/legacy/placeholder.mp4'));
    const error = await uploadMedia({ file: staged('clip.mp4', video), alt: 'A clip' }, null).then(() => null, (caught: unknown) => caught);
    expect((error as UploadError).field).toBe('poster');
    const media = await uploadMedia({ file: staged('clip.mp4', video), poster: staged('p.jpg', await photo(640, 360)), alt: 'A clip' }, null);
    expect(media.kind).toBe('video');
    expect(media.mimeType).toBe('video/mp4');
    const poster = await db.media.findUniqueOrThrow({ where: { id: media.posterId! } });
    expect(poster.kind).toBe('image');
    expect(poster.alt).toBe('A clip');
  });
});
