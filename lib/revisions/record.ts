// Stores a revision of an article as it is now, inside the caller's transaction, so that a save and its
// revision commit together or not at all. Shared by the newsroom's commands and the legacy importer.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleSnapshot } from '@/lib/revisions/snapshot';

export type RevisionInput = { articleId: number; authorId: number | null; note: string };

export async function readSnapshot(tx: Prisma.TransactionClient, articleId: number): Promise<{ version: number; snapshot: ArticleSnapshot }> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { tags: { include: { tag: true }, orderBy: { position: 'asc' } } },
  });
  const snapshot: ArticleSnapshot = {
    headline: article.headline,
    kicker: article.kicker,
    standfirst: article.standfirst,
    body: article.body,
    byline: article.byline,
    sourceCredit: article.sourceCredit,
    slug: article.slug,
    status: article.status,
    contentType: article.contentType,
    sectionId: article.sectionId,
    leadMediaId: article.leadMediaId,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    breakingUntil: article.breakingUntil?.toISOString() ?? null,
    tags: article.tags.map((link) => link.tag.name),
  };
  return { version: article.version, snapshot };
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
