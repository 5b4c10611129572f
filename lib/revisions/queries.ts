// Reading an article's history: the list of revisions (who, when, what note) and single snapshots.
// Both take the viewer: a history is as secret as its article (the read rule, lib/auth/roles.ts).
import { z } from 'zod';
import { readableArticles } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/client';

type Viewer = { id: number; role: Role };
import { outcomeParams } from '@/lib/forms/search-params';
import { articleSnapshotSchema, type ArticleSnapshot } from '@/lib/revisions/snapshot';

// A version in the query string: 1 to 9 digits, else none (the page then compares the last two).
const versionParam = z.string().regex(/^\d{1,9}$/).transform(Number).nullable().catch(null);

/** The revisions page's query: the two versions to compare, and the last button action's outcome. */
export const revisionCompareParams = z.object({ from: versionParam, to: versionParam, ...outcomeParams });

export type RevisionRow = { id: number; version: number; note: string; author: string | null; createdAt: string };

export async function listRevisions(articleId: number, viewer: Viewer): Promise<RevisionRow[]> {
  const rows = await db.revision.findMany({
    where: { articleId, article: readableArticles(viewer) },
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

export async function getRevision(articleId: number, version: number, viewer: Viewer): Promise<RevisionDetail | null> {
  const row = await db.revision.findFirst({
    where: { articleId, version, article: readableArticles(viewer) },
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
