// Files under config.MEDIA_ROOT and the Media rows that describe them. Media.path is relative to
// MEDIA_ROOT (served at /media/{path}); nothing outside it is ever written.
import type { RenditionSet } from '@/lib/media/renditions';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { mediaPathProblem } from '@/lib/media/media-path';
import type { Media, Prisma } from '@/lib/generated/prisma/client';

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

/** The absolute file of a media path; refuses paths that would leave MEDIA_ROOT. */
export function mediaFile(relativePath: string, root: string = config.MEDIA_ROOT): string {
  const normalised = relativePath.replace(/\\/g, '/');
  const problem = mediaPathProblem(normalised);
  if (problem) throw new Error(`not a media path: "${relativePath}" ${problem}`);
  return path.join(root, normalised);
}

export function mediaFileExists(relativePath: string): boolean {
  return fs.existsSync(mediaFile(relativePath));
}

/** Writes bytes to a media path (replacing what was there); returns their size. */
export async function writeMediaFile(relativePath: string, data: Buffer): Promise<number> {
  const file = mediaFile(relativePath);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  // Unlink first: the path may be a hard link to a shared placeholder, which must not change.
  await fs.promises.rm(file, { force: true });
  await fs.promises.writeFile(file, data);
  return data.length;
}

/** Copies a file into a media path (replacing what was there); returns its size. */
export async function copyIntoMedia(sourceFile: string, relativePath: string): Promise<number> {
  const file = mediaFile(relativePath);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.rm(file, { force: true });
  await fs.promises.copyFile(sourceFile, file);
  return (await fs.promises.stat(file)).size;
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
  try {
    fs.linkSync(sourceFile, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.copyFileSync(sourceFile, file);
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
