// Stores a revision of an article as it is now, inside the caller's transaction, so that a save and its
// revision commit together or not at all. Shared by the newsroom's commands and the legacy importer.
import type { Prisma } from '@/lib/generated/prisma/client';
import { selectColumns, storedBody } from '@/lib/articles/stored-fields';
import { articleSnapshotSchema, type ArticleSnapshot } from '@/lib/revisions/snapshot';

export type RevisionInput = { articleId: number; authorId: number | null; note: string };

// The snapshot's fields that are Article columns, read as they are (dates are made ISO below).
const snapshotColumns = selectColumns(articleSnapshotSchema.keyof().exclude(['tags', 'contributors']).options);

export async function readSnapshot(tx: Prisma.TransactionClient, articleId: number): Promise<{ version: number; snapshot: ArticleSnapshot }> {
  const { version, tags, contributors, publishedAt, breakingUntil, body, ...columns } = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      ...snapshotColumns,
      version: true,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { position: 'asc' } },
      contributors: { select: { contributorId: true }, orderBy: { position: 'asc' } },
    },
  });
  const snapshot: ArticleSnapshot = {
    ...columns,
    body: storedBody(body),
    publishedAt: publishedAt?.toISOString() ?? null,
    breakingUntil: breakingUntil?.toISOString() ?? null,
    tags: tags.map((link) => link.tag.name),
    contributors: contributors.map((link) => link.contributorId),
  };
  return { version, snapshot };
}

/**
 * Records the article's current editable fields as the revision of its current version. Saving the
 * same version twice (a re-import, a status flip that did not bump the version) updates that revision
 * rather than failing on the unique (articleId, version).
 */
export async function recordRevision(tx: Prisma.TransactionClient, input: RevisionInput): Promise<void> {
  const { version, snapshot } = await readSnapshot(tx, input.articleId);
  await tx.revision.upsert({
    where: { articleId_version: { articleId: input.articleId, version } },
    create: { articleId: input.articleId, version, authorId: input.authorId, note: input.note, snapshot },
    update: { authorId: input.authorId, note: input.note, snapshot, createdAt: new Date() },
  });
}
