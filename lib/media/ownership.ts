// Which media files a committed Media row owns: its own path, or one of its renditions (whose paths
// are the original's stem plus a suffix, lib/media/renditions.ts). What no row owns is an orphan.
import { db } from '@/lib/db/client';
import { renditionPattern, sharedPlaceholderFolder } from '@/lib/media/paths';
import { mediaFilesOf } from '@/lib/media/usage';

/** The media paths among `paths` that no Media row owns (shared placeholders are always owned). */
export async function unownedMediaFiles(paths: readonly string[]): Promise<string[]> {
  const candidates = paths.filter((file) => !file.startsWith(sharedPlaceholderFolder));
  if (!candidates.length) return [];
  const stems = candidates.map((file) => renditionPattern.exec(file)?.[1]).filter((stem): stem is string => Boolean(stem));
  const rows = await db.media.findMany({
    where: { OR: [{ path: { in: candidates } }, ...stems.map((stem) => ({ path: { startsWith: `${stem}.` } }))] },
    select: { path: true, renditions: true },
  });
  const owned = new Set<string>();
  for (const row of rows) for (const file of mediaFilesOf(row)) owned.add(file);
  return candidates.filter((file) => !owned.has(file));
}
