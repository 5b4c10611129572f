// Serving stored media files from MEDIA_ROOT: path checks, content types and byte ranges (browsers
// seek in video with Range requests).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { config } from '@/lib/config';

const contentTypes: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export type MediaFile = { file: string; size: number; contentType: string; modified: Date };

/** The file for /media/{segments}, or null when the path is not a servable media file: no hidden
 * files, no climbing out of MEDIA_ROOT, only the types media are stored as. */
export function findMediaFile(segments: string[], root: string = config.MEDIA_ROOT): MediaFile | null {
  if (segments.length === 0 || segments.some((segment) => segment === '' || segment.startsWith('.') || segment.includes('\0') || /[\\/]/.test(segment))) {
    return null;
  }
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  const contentType = contentTypes[path.extname(file).toLowerCase()];
  if (!contentType) return null;
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? { file, size: stat.size, contentType, modified: stat.mtime } : null;
  } catch {
    return null;
  }
}

export type ByteRange = { start: number; end: number };

/** Parses a single "bytes=a-b" range; 'unsatisfiable' for ranges outside the file, null for none. */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

export function mediaResponse(media: MediaFile, rangeHeader: string | null, method: string): Response {
  const headers = new Headers({
    'Content-Type': media.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Last-Modified': media.modified.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  });
  const range = parseRange(rangeHeader, media.size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${media.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: media.size - 1 };
  headers.set('Content-Length', String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${media.size}`);
  const body = method === 'HEAD' || media.size === 0 ? null : (Readable.toWeb(fs.createReadStream(media.file, { start, end })) as ReadableStream);
  return new Response(body, { status: range ? 206 : 200, headers });
}
