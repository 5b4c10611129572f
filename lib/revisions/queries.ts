// Reading an article's history: the list of revisions (who, when, what note) and single snapshots.
import { db } from '@/lib/db/client';
import { articleSnapshotSchema, type ArticleSnapshot } from '@/lib/revisions/snapshot';

export type RevisionRow = { id: number; version: number; note: string; author: string | null; createdAt: string };

export async function listRevisions(articleId: number): Promise<RevisionRow[]> {
  const rows = await db.revision.findMany({
    where: { articleId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, note: true, createdAt: true, author: { select: { email: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    note: row.note,
    author: row.author ? row.author.name || row.author.email : null,
    createdAt: row.createdAt.toISOString(),
  }));
}

export type RevisionDetail = RevisionRow & { snapshot: ArticleSnapshot };

export async function getRevision(articleId: number, version: number): Promise<RevisionDetail | null> {
  const row = await db.revision.findUnique({
    where: { articleId_version: { articleId, version } },
    select: { id: true, version: true, note: true, createdAt: true, snapshot: true, author: { select: { email: true, name: true } } },
  });
  if (!row) return null;
  const snapshot = articleSnapshotSchema.safeParse(row.snapshot);
  if (!snapshot.success) return null;
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    author: row.author ? row.author.name || row.author.email : null,
    createdAt: row.createdAt.toISOString(),
    snapshot: snapshot.data,
  };
}
