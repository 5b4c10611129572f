// Deleting media (editors and admins): only media no article uses. The row goes first, in one
// transaction with the check and the audit entry, so the database never points at a missing file;
// the files (original and every rendition, and a video's own poster) go after the commit. A file that
// cannot be removed then is an orphan: logged, listed in the audit entry, and removed by the next
// delete's sweep (`sweepDeletedMediaFiles`). It never brings the row back.
import fs from 'node:fs';
import { audit } from '@/lib/audit/log';
import { can } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { onPostgres, parameters } from '@/lib/db/dialect';
import type { Prisma, Role } from '@/lib/generated/prisma/client';
import { mediaFile } from '@/lib/media/store';
import { findMediaUses, mediaFilesOf, type MediaUse } from '@/lib/media/usage';

export type MediaDeleteFailure = 'forbidden' | 'not-found' | 'in-use';

export class MediaDeleteError extends Error {
  constructor(
    readonly kind: MediaDeleteFailure,
    message: string,
    /** For 'in-use': what uses it. */
    readonly uses: MediaUse[] = [],
  ) {
    super(message);
    this.name = 'MediaDeleteError';
  }

  get status(): 403 | 404 | 409 {
    return this.kind === 'forbidden' ? 403 : this.kind === 'not-found' ? 404 : 409;
  }
}

export type MediaDeleted = {
  /** The rows deleted: the media and, for a video, its poster when nothing else uses it. */
  mediaIds: number[];
  /** Files removed from MEDIA_ROOT, and those that could not be (left for the sweep). */
  removed: string[];
  failed: string[];
};

type Actor = { id: number; role: Role };

// The audit entry of a deletion lists its files, so a failed removal can be retried later.
type DeletionRecord = { mediaIds: number[]; files: string[] };

export async function deleteMedia(actor: Actor, mediaId: number, ip = ''): Promise<MediaDeleted> {
  if (!can(actor.role, 'media.manage')) throw new MediaDeleteError('forbidden', 'Only editors and admins can delete media.');
  const record = await db.$transaction(async (tx) => {
    await lockForDelete(tx, mediaId);
    const media = await tx.media.findUnique({
      where: { id: mediaId },
      select: { id: true, kind: true, path: true, renditions: true, poster: { select: { id: true, path: true, renditions: true, posterOf: { select: { id: true } } } } },
    });
    if (!media) throw new MediaDeleteError('not-found', 'That media does not exist (it may have been deleted already).');
    // A video's poster goes with it, unless another video shares it.
    const poster = media.poster && media.poster.posterOf.every((video) => video.id === media.id) ? media.poster : null;
    const ids = poster ? [media.id, poster.id] : [media.id];
    if (poster) await lockForDelete(tx, poster.id);
    // Checked under the lock, inside the transaction that deletes: no save can start using it in between.
    const uses = await findMediaUses(ids, tx);
    if (uses.length) throw new MediaDeleteError('in-use', 'This media is in use. Remove it from these articles first.', uses);
    const files = [...mediaFilesOf(media), ...(poster ? mediaFilesOf(poster) : [])];
    await tx.media.deleteMany({ where: { id: { in: ids } } });
    const entry: DeletionRecord = { mediaIds: ids, files };
    await audit({ action: 'media.deleted', actorId: actor.id, targetType: 'media', targetId: media.id, detail: JSON.stringify(entry), ip }, tx);
    return entry;
  });
  // No page refresh to record: media no article uses is on no public page (usage.ts counts every
  // way a page can show it), and /media/… reads the disk on every request.
  const { removed, failed } = await removeMediaFiles(record.files);
  // Leftovers of earlier deletions (and a second try at this one's), if any.
  await sweepDeletedMediaFiles().catch(() => undefined);
  return { mediaIds: record.mediaIds, removed, failed };
}

/**
 * Holds back any write that would start using the media until this transaction ends. SQLite: take the
 * database's write lock now (a no-op UPDATE), so the check and the delete see the same data. PostgreSQL:
 * lock the row FOR UPDATE, which conflicts with the KEY SHARE lock a save's foreign-key check takes, so
 * such a save waits and then fails on the missing row (or, if it came first, the check sees it).
 */
async function lockForDelete(tx: Prisma.TransactionClient, mediaId: number): Promise<void> {
  if (onPostgres()) await tx.$queryRawUnsafe(`SELECT "id" FROM "Media" WHERE "id" IN (${parameters(1)}) FOR UPDATE`, mediaId);
  else await tx.$executeRawUnsafe('UPDATE "Media" SET "id" = "id" WHERE "id" = -1');
}

/** Removes files under MEDIA_ROOT that no Media row claims any more; never throws. */
async function removeMediaFiles(files: readonly string[]): Promise<{ removed: string[]; failed: string[] }> {
  const removed: string[] = [];
  const failed: string[] = [];
  for (const file of files) {
    // A file a live row claims again (the same path uploaded anew) stays.
    if (await db.media.findUnique({ where: { path: file }, select: { id: true } })) continue;
    try {
      await fs.promises.rm(mediaFile(file), { force: true });
      removed.push(file);
    } catch (error) {
      failed.push(file);
      console.error(`[media] could not remove ${file} (left for the next sweep): ${(error as Error).message}`);
    }
  }
  return { removed, failed };
}

/**
 * Removes files of recent deletions that are still on disk (a removal that failed, or a process that
 * died between the commit and the removal). Runs after every deletion; cheap: recent entries only.
 */
export async function sweepDeletedMediaFiles(recent = 50): Promise<{ removed: string[]; failed: string[] }> {
  const entries = await db.auditEntry.findMany({ where: { action: 'media.deleted' }, orderBy: { id: 'desc' }, take: recent, select: { detail: true } });
  const leftovers = entries.flatMap((entry) => {
    try {
      return (JSON.parse(entry.detail) as DeletionRecord).files.filter((file) => typeof file === 'string');
    } catch {
      return [];
    }
  }).filter((file) => {
    try {
      return fs.existsSync(mediaFile(file));
    } catch {
      return false;
    }
  });
  return removeMediaFiles(leftovers);
}
