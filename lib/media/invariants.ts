// What "nothing half-written" means for media, checked by the crash and disk-full tests and usable by
// an operator after an incident: every Media row's files exist, and every file under MEDIA_ROOT
// (staging area and shared placeholders aside) belongs to a row.
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { unownedMediaFiles } from '@/lib/media/ownership';
import { mediaFile } from '@/lib/media/paths';
import { mediaFilesOf } from '@/lib/media/usage';

/** Every file under MEDIA_ROOT as a media path, without the staging area. */
export function walkMediaRoot(root: string = config.MEDIA_ROOT): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('.incoming/'));
}

export type MediaInvariants = { rowsWithoutFile: string[]; orphanFiles: string[]; staged: string[] };

export async function checkMediaInvariants(root: string = config.MEDIA_ROOT): Promise<MediaInvariants> {
  const rows = await db.media.findMany({ select: { path: true, renditions: true } });
  const rowsWithoutFile: string[] = [];
  for (const row of rows) {
    for (const file of mediaFilesOf(row)) if (!fs.existsSync(mediaFile(file, root))) rowsWithoutFile.push(file);
  }
  const incoming = path.join(root, '.incoming');
  return {
    rowsWithoutFile,
    orphanFiles: await unownedMediaFiles(walkMediaRoot(root)),
    staged: fs.existsSync(incoming) ? fs.readdirSync(incoming) : [],
  };
}
