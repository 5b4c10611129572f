// Uploads from the newsroom: the type comes from the file's first bytes (never from its name or the
// browser's word for it), sizes are capped by config, images are re-encoded (orientation applied,
// EXIF and GPS stripped) and get renditions, images need alt text, and videos need a poster. Files
// arrive staged on disk (lib/media/receive.ts), never whole in memory; a video is moved into place by
// one rename, and every row is written only once its files are in place.
import crypto from 'node:crypto';
import fs from 'node:fs';
import slugify from '@sindresorhus/slugify';
import sharp, { type OutputInfo } from 'sharp';
import { z } from 'zod';
import { audit } from '@/lib/audit/log';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import type { Media } from '@/lib/generated/prisma/client';
import { makeRenditions } from '@/lib/media/renditions';
import { placeStagedFile } from '@/lib/media/staging';
import { saveMedia, writeMediaFile } from '@/lib/media/store';

export type Sniffed = { kind: 'image' | 'video'; mimeType: string; extension: string };

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** The media type these bytes really are, or null for anything Lede does not accept (SVG included: it can carry script). */
export function sniffMediaType(bytes: Buffer): Sniffed | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'image', mimeType: 'image/png', extension: 'png' };
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return { kind: 'image', mimeType: 'image/gif', extension: 'gif' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', mimeType: 'image/webp', extension: 'webp' };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'avif' || brand === 'avis') return { kind: 'image', mimeType: 'image/avif', extension: 'avif' };
    if (['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'MSNV'].includes(brand)) return { kind: 'video', mimeType: 'video/mp4', extension: 'mp4' };
    return null;
  }
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return { kind: 'video', mimeType: 'video/webm', extension: 'webm' };
  return null;
}

/** A refusal the sender can act on; `status` is the HTTP answer (413 too large, 507 disk full). */
export class UploadError extends Error {
  constructor(message: string, readonly field: string = 'file', readonly status: 400 | 413 | 422 | 507 = 422) {
    super(message);
    this.name = 'UploadError';
  }
}

export const uploadFieldsSchema = z.object({
  alt: z.string().trim().max(500, 'Alt text: at most 500 characters.').default(''),
  caption: z.string().trim().max(1000).default(''),
  credit: z.string().trim().max(200).default(''),
  posterAlt: z.string().trim().max(500).default(''),
});

/** A file staged on disk (lib/media/staging.ts): its original name, where it is, its size, and its type when already sniffed. */
export type UploadFile = { name: string; path: string; size: number; sniffed?: Sniffed | null };
export type UploadInput = z.input<typeof uploadFieldsSchema> & { file: UploadFile | null; poster?: UploadFile | null };

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function storagePath(original: string, extension: string, now = new Date()): string {
  const stem = slugify(original.replace(/\.[^.]*$/, ''), { decamelize: false }).slice(0, 40) || 'upload';
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `uploads/${month}/${crypto.randomBytes(6).toString('hex')}-${stem}.${extension}`;
}

async function storeImage(file: UploadFile, sniffed: Sniffed, fields: { alt: string; caption: string; credit: string }): Promise<Media> {
  if (file.size > config.MEDIA_MAX_IMAGE_BYTES) throw new UploadError(`Images can be at most ${megabytes(config.MEDIA_MAX_IMAGE_BYTES)}: this one is larger.`, 'file', 413);
  if (!fields.alt) throw new UploadError('Describe the image for readers who cannot see it (alt text).', 'alt');
  let data: Buffer;
  let info: OutputInfo;
  try {
    const image = sharp(file.path, { animated: sniffed.mimeType === 'image/gif', limitInputPixels: 100_000_000 });
    // Re-encoding applies the EXIF orientation and drops all metadata (camera, GPS) from what is served.
    const encoded =
      sniffed.mimeType === 'image/png' ? image.rotate().png() :
      sniffed.mimeType === 'image/gif' ? image.gif() :
      sniffed.mimeType === 'image/webp' ? image.rotate().webp({ quality: 90 }) :
      sniffed.mimeType === 'image/avif' ? image.rotate().avif({ quality: 70 }) :
      image.rotate().jpeg({ quality: 88, mozjpeg: true });
    ({ data, info } = await encoded.toBuffer({ resolveWithObject: true }));
  } catch {
    throw new UploadError('That file looks like an image but cannot be read. Is it damaged?');
  }
  const height = sniffed.mimeType === 'image/gif' ? (info.pageHeight ?? info.height) : info.height;
  const path = storagePath(file.name, sniffed.extension);
  const bytes = await writeMediaFile(path, data);
  const renditions = await makeRenditions(data, path, { width: info.width, height });
  // One write, with its renditions: a row is never seen without the files it names.
  return saveMedia({ kind: 'image', path, mimeType: sniffed.mimeType, width: info.width, height, bytes, alt: fields.alt, caption: fields.caption, credit: fields.credit, renditions });
}

function sniffedFile(file: UploadFile): Sniffed | null {
  if (file.sniffed !== undefined) return file.sniffed;
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file.path, 'r');
  try {
    return sniffMediaType(head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
  } finally {
    fs.closeSync(fd);
  }
}

/** Stores an upload and returns its Media row (a video's poster is stored as its own image row). */
export async function uploadMedia(input: UploadInput, actorId: number | null, ip = ''): Promise<Media> {
  const fields = uploadFieldsSchema.parse(input);
  if (!input.file || input.file.size === 0) throw new UploadError('Choose a file to upload.');
  const sniffed = sniffedFile(input.file);
  if (!sniffed) throw new UploadError('Lede takes JPEG, PNG, GIF, WebP or AVIF images and MP4 or WebM videos. This file is none of those (whatever its name says).');
  let media: Media;
  if (sniffed.kind === 'image') {
    media = await storeImage(input.file, sniffed, fields);
  } else {
    if (input.file.size > config.MEDIA_MAX_VIDEO_BYTES) throw new UploadError(`Videos can be at most ${megabytes(config.MEDIA_MAX_VIDEO_BYTES)}: this one is larger.`, 'file', 413);
    if (!input.poster || input.poster.size === 0) throw new UploadError('A video needs a poster image (shown before it plays).', 'poster');
    const posterType = sniffedFile(input.poster);
    if (!posterType || posterType.kind !== 'image') throw new UploadError('The poster must be a JPEG, PNG, GIF, WebP or AVIF image.', 'poster');
    const posterAlt = fields.posterAlt || fields.alt || fields.caption;
    if (!posterAlt) throw new UploadError('Describe the video (alt text) so its poster has a description.', 'alt');
    const poster = await storeImage(input.poster, posterType, { alt: posterAlt, caption: '', credit: fields.credit });
    const path = storagePath(input.file.name, sniffed.extension);
    // The staged file is in MEDIA_ROOT's filesystem: one rename, however large.
    await placeStagedFile(input.file.path, path);
    const bytes = input.file.size;
    media = await saveMedia({
      kind: 'video', path, mimeType: sniffed.mimeType, width: poster.width, height: poster.height, bytes,
      alt: fields.alt, caption: fields.caption, credit: fields.credit, posterId: poster.id,
    });
  }
  await audit({ action: 'media.uploaded', actorId, targetType: 'media', targetId: media.id, detail: `${media.kind} ${media.path}`, ip });
  return media;
}
