// Defect 10: an upload must never be held in memory whole. The route is called in this process with a
// generated multipart body (hundreds of MB, produced chunk by chunk as the handler reads it) while a
// sampler records the process's resident memory; the growth must stay far below the body's size.
// Only the session check is replaced (a signed-in editor); the database and MEDIA_ROOT are real.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { mp4Head, testBoundary, uploadRequest, type Part } from '@/testing/multipart';

vi.mock('@/lib/auth/current', () => ({
  authorise: async () => ({ ok: true, user: { id: null }, ip: '127.0.0.1' }),
}));

const { POST } = await import('@/app/api/admin/media/route');

const MB = 1024 * 1024;
/** Runs the upload while sampling resident memory; returns the answer and the peak growth in bytes. */
async function measured(parts: Part[]): Promise<{ response: Response; growth: number }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const response = await POST(uploadRequest(parts) as never);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { response, growth: peak - baseline };
  } finally {
    clearInterval(sampler);
  }
}

const poster = async () => sharp({ create: { width: 640, height: 360, channels: 3, background: '#224466' } }).jpeg().toBuffer();

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('POST /api/admin/media streams uploads to disk', () => {
  beforeAll(async () => {
    // One small upload first: what any first upload costs once (sharp's and libvips' set-up, the
    // database connection, lazily loaded code) is not what is measured.
    const posterBytes = await poster();
    const warm = await POST(uploadRequest([
      { name: 'alt', value: 'Warm-up' },
      { name: 'poster', filename: 'poster.jpg', head: posterBytes, size: posterBytes.length },
      { name: 'file', filename: 'warm-up.mp4', head: mp4Head, size: MB },
    ]) as never);
    expect(warm.status).toBe(201);
  });

  it('stores a 300 MB video without holding it in memory', async () => {
    const size = 300 * MB;
    const posterBytes = await poster();
    const { response, growth } = await measured([
      { name: 'alt', value: 'A long clip' },
      { name: 'poster', filename: 'poster.jpg', head: posterBytes, size: posterBytes.length },
      { name: 'file', filename: 'long clip.mp4', head: mp4Head, size },
    ]);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    const media = await db.media.findUniqueOrThrow({ where: { id } });
    expect([media.kind, media.mimeType, media.bytes]).toEqual(['video', 'video/mp4', size]);
    expect(fs.statSync(path.join(config.MEDIA_ROOT, media.path)).size).toBe(size);
    // Less than a quarter of the body: the old handler's request.formData() held all of it (and more).
    expect(growth, `resident memory grew by ${Math.round(growth / MB)} MB for a ${size / MB} MB upload`).toBeLessThan(size / 4);
  });

  it('refuses a video over the limit with 413, naming the limit, and leaves no file or row behind', async () => {
    const before = await db.media.count();
    const filesBefore = filesUnder(config.MEDIA_ROOT).length;
    const posterBytes = await poster();
    const { response, growth } = await measured([
      { name: 'alt', value: 'Too long' },
      { name: 'poster', filename: 'poster.jpg', head: posterBytes, size: posterBytes.length },
      { name: 'file', filename: 'huge.mp4', head: mp4Head, size: config.MEDIA_MAX_VIDEO_BYTES + 1 },
    ]);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'Videos can be at most 500 MB: this one is larger.' });
    expect(growth).toBeLessThan(config.MEDIA_MAX_VIDEO_BYTES / 4);
    expect(await db.media.count()).toBe(before);
    expect(filesUnder(config.MEDIA_ROOT).length).toBe(filesBefore);
  });

  it('refuses an image over its own limit with 413 as soon as the limit is passed', async () => {
    const before = await db.media.count();
    const filesBefore = filesUnder(config.MEDIA_ROOT).length;
    const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    const { response } = await measured([
      { name: 'alt', value: 'Too big' },
      { name: 'file', filename: 'big.jpg', head: jpegHead, size: config.MEDIA_MAX_IMAGE_BYTES + 1 },
    ]);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'Images can be at most 20 MB: this one is larger.' });
    expect(await db.media.count()).toBe(before);
    expect(filesUnder(config.MEDIA_ROOT).length).toBe(filesBefore);
  });

  it('answers 400 when the body is cut off mid-file, and leaves nothing staged', async () => {
    const before = await db.media.count();
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Buffer.from(`--${testBoundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.mp4"\r\n\r\n`));
        controller.enqueue(Buffer.concat([mp4Head, Buffer.alloc(256 * 1024)]));
        controller.error(new Error('connection reset'));
      },
    });
    const response = await POST(new Request('http://127.0.0.1/api/admin/media', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${testBoundary}`, accept: 'application/json' },
      body: cut,
      duplex: 'half',
    } as RequestInit) as never);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The upload was cut off (connection reset). Try again.' });
    expect(await db.media.count()).toBe(before);
    expect(fs.readdirSync(path.join(config.MEDIA_ROOT, '.incoming'))).toEqual([]);
  });
});
