// Files under config.MEDIA_ROOT and the Media rows that describe them. Media.path is relative to
// MEDIA_ROOT (served at /media/{path}); nothing outside it is ever written.
import type { RenditionSet } from '@/lib/media/renditions';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { mediaFile } from '@/lib/media/paths';
import { journalPlacement, placeStagedFile, stagingFile } from '@/lib/media/staging';
import type { Media, Prisma } from '@/lib/generated/prisma/client';

export { mediaFile };

export type MediaClient = Prisma.TransactionClient;

export type MediaInput = {
  kind: 'image' | 'video';
  path: string;
  legacyPath?: string | null;
  mimeType: string;
  width: number | null;
  height: number | null;
  durationSeconds?: number | null;
  bytes?: number | null;
  alt: string;
  caption?: string;
  credit?: string;
  posterId?: number | null;
  /** Srcset widths and crops made by lib/media/renditions.ts. */
  renditions?: RenditionSet | null;
};

export function mediaFileExists(relativePath: string): boolean {
  return fs.existsSync(mediaFile(relativePath));
}

/** Writes bytes to a media path (replacing what was there); returns their size. Staged, then renamed
 * into place: a crash or a full disk never leaves half a file at a media path, and a path that is a
 * hard link to a shared placeholder gets a new inode (the placeholder itself never changes). */
export async function writeMediaFile(relativePath: string, data: Buffer): Promise<number> {
  mediaFile(relativePath);
  const staged = stagingFile();
  try {
    await fs.promises.writeFile(staged, data);
    await placeStagedFile(staged, relativePath);
  } finally {
    await fs.promises.rm(staged, { force: true });
  }
  return data.length;
}

/** Copies a file into a media path (replacing what was there); returns its size. Staged like writeMediaFile. */
export async function copyIntoMedia(sourceFile: string, relativePath: string): Promise<number> {
  mediaFile(relativePath);
  const staged = stagingFile();
  try {
    await fs.promises.copyFile(sourceFile, staged);
    const { size } = await fs.promises.stat(staged);
    await placeStagedFile(staged, relativePath);
    return size;
  } finally {
    await fs.promises.rm(staged, { force: true });
  }
}

// Folders already made this process: an import links thousands of files into a few hundred folders.
const madeFolders = new Set<string>();
function makeFolderSync(folder: string): void {
  if (madeFolders.has(folder)) return;
  fs.mkdirSync(folder, { recursive: true });
  madeFolders.add(folder);
}

/**
 * Puts a shared file (a placeholder) at a media path without copying its bytes: a hard link, or a copy
 * where links are impossible. Leaves an existing file alone. Synchronous on purpose: these are tiny
 * metadata calls, and a bulk import makes tens of thousands of them (the thread pool only adds waits).
 */
export function linkIntoMedia(sourceFile: string, relativePath: string): number {
  const file = mediaFile(relativePath);
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  if (existing) return existing.size;
  makeFolderSync(path.dirname(file));
  journalPlacement(relativePath);
  try {
    fs.linkSync(sourceFile, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      // A copy is not atomic: staged, then renamed into place.
      const staged = stagingFile();
      fs.copyFileSync(sourceFile, staged);
      fs.renameSync(staged, file);
    }
  }
  return fs.statSync(file).size;
}

function mediaData(input: MediaInput) {
  return {
    kind: input.kind,
    path: input.path,
    legacyPath: input.legacyPath ?? null,
    mimeType: input.mimeType,
    width: input.width,
    height: input.height,
    durationSeconds: input.durationSeconds ?? null,
    bytes: input.bytes ?? null,
    alt: input.alt,
    caption: input.caption ?? '',
    credit: input.credit ?? '',
    posterId: input.posterId ?? null,
    ...(input.renditions ? { renditions: input.renditions } : {}),
  };
}

/** Creates the Media row of a path, or brings the existing one up to date (paths are unique). */
export async function saveMedia(input: MediaInput, client: MediaClient = db): Promise<Media> {
  const data = mediaData(input);
  return client.media.upsert({ where: { path: input.path }, create: data, update: data });
}
