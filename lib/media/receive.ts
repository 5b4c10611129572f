// Reads a multipart upload from the request body as it arrives (busboy), never whole: each file goes
// chunk by chunk to a staged file in MEDIA_ROOT's own filesystem (lib/media/staging.ts). Its type is
// sniffed from its first bytes, and the limit of that type (MEDIA_MAX_IMAGE_BYTES or _VIDEO_BYTES) is
// enforced while reading: at the limit plus one byte the upload stops with 413 and its staged files
// are removed. Memory stays at busboy's buffers whatever the size (docs/decisions/0011).
import fs from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { config } from '@/lib/config';
import { faultPoint } from '@/lib/faults/kill';
import { stagingFile } from '@/lib/media/staging';
import { megabytes, sniffMediaType, UploadError, type Sniffed, type UploadFile } from '@/lib/media/upload';

const fileFields = ['file', 'poster'] as const;
type FileField = (typeof fileFields)[number];
const textFields = ['alt', 'caption', 'credit', 'posterAlt'] as const;

export type ReceivedUpload = {
  fields: Partial<Record<(typeof textFields)[number], string>>;
  files: Partial<Record<FileField, UploadFile>>;
};

/** Bytes needed to tell every accepted type apart (sniffMediaType reads at most 12). */
const sniffBytes = 16;

export const tooLargeMessage = (kind: Sniffed['kind']) =>
  kind === 'image'
    ? `Images can be at most ${megabytes(config.MEDIA_MAX_IMAGE_BYTES)}: this one is larger.`
    : `Videos can be at most ${megabytes(config.MEDIA_MAX_VIDEO_BYTES)}: this one is larger.`;

const refusedType = 'Lede takes JPEG, PNG, GIF, WebP or AVIF images and MP4 or WebM videos. This file is none of those (whatever its name says).';

/** A disk that filled up under us is the operator's to fix: say so, with the status that means it. */
export function diskError(error: unknown): UploadError | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UploadError('The disk that holds media (MEDIA_ROOT) is full, so the upload was not stored. Ask whoever runs the site to free space, then try again.', 'file', 507);
  return null;
}

/** Passes bytes through while sniffing the type from the first ones and counting against its limit. */
class SizeGuard extends Transform {
  size = 0;
  sniffed: Sniffed | null = null;
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly field: FileField) {
    super();
  }

  private decide(): void {
    const head = Buffer.concat(this.head);
    this.sniffed = sniffMediaType(head);
    if (!this.sniffed) throw new UploadError(refusedType, this.field);
    if (this.field === 'poster' && this.sniffed.kind !== 'image') throw new UploadError('The poster must be a JPEG, PNG, GIF, WebP or AVIF image.', 'poster');
    this.push(head);
    this.head = [];
  }

  private check(): void {
    const kind = this.sniffed?.kind ?? 'video';
    const limit = kind === 'image' ? config.MEDIA_MAX_IMAGE_BYTES : config.MEDIA_MAX_VIDEO_BYTES;
    if (this.size > limit) throw new UploadError(tooLargeMessage(kind), this.field, 413);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      faultPoint('upload.chunk');
      this.size += chunk.length;
      if (this.sniffed) {
        this.check();
        done(null, chunk);
        return;
      }
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= sniffBytes) {
        this.decide();
        this.check();
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.sniffed && this.headLength > 0) {
        this.decide();
        this.check();
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}

/**
 * Reads the upload form of a request. Staged files are the caller's to move or remove; call it inside
 * withMediaJournal so that whatever is left is removed with the journal's folder. Throws UploadError
 * (with its HTTP status) for what the sender can fix.
 */
export async function receiveUpload(request: Request): Promise<ReceivedUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) throw new UploadError('Send the upload as a form (multipart/form-data) with a file.', 'file', 400);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // A generous cap busboy enforces on its own; SizeGuard applies the real per-type limit.
      limits: { files: 2, fields: 20, parts: 30, fieldSize: 16 * 1024, fileSize: Math.max(config.MEDIA_MAX_IMAGE_BYTES, config.MEDIA_MAX_VIDEO_BYTES) + 1 },
    });
  } catch {
    throw new UploadError('The upload could not be read. Try again.', 'file', 400);
  }
  const received: ReceivedUpload = { fields: {}, files: {} };
  const writes: Promise<void>[] = [];
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);

  const finished = new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // Stop reading: nothing more of this body is worth receiving. Destroying the parser ends the
      // file stream it is feeding too, so no write waits for bytes that will never come.
      source.unpipe(parser);
      source.destroy();
      parser.destroy(error as Error);
      reject(error);
    };
    parser.on('field', (name, value) => {
      if ((textFields as readonly string[]).includes(name)) received.fields[name as (typeof textFields)[number]] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (!(fileFields as readonly string[]).includes(name) || !info.filename || received.files[name as FileField]) {
        stream.resume();
        return;
      }
      const field = name as FileField;
      const guard = new SizeGuard(field);
      const staged = stagingFile(`-${field}`);
      const write = pipeline(stream, guard, fs.createWriteStream(staged)).then(
        () => {
          if (guard.size === 0) return;
          received.files[field] = { name: info.filename.slice(0, 200), path: staged, size: guard.size, sniffed: guard.sniffed! };
        },
        (error: unknown) => {
          fs.rmSync(staged, { force: true });
          throw diskError(error) ?? error;
        },
      );
      write.catch(fail);
      writes.push(write);
    });
    parser.on('error', (error) => fail(new UploadError(`The upload could not be read (${(error as Error).message}). Try again.`, 'file', 400)));
    parser.on('close', () => {
      // Every file's last bytes are on disk before the form counts as received.
      Promise.all(writes).then(() => resolve(), fail);
    });
    source.on('error', (error) => fail(new UploadError(`The upload was cut off (${error.message}). Try again.`, 'file', 400)));
    source.pipe(parser);
  });
  try {
    await finished;
  } catch (error) {
    // Wait for every file's stream to settle, so none is still writing when the caller cleans up.
    await Promise.allSettled(writes);
    for (const file of Object.values(received.files)) fs.rmSync(file.path, { force: true });
    throw error;
  }
  return received;
}
