// Deleting and restoring articles. The data model has no "deleted" flag, so a deletion archives the
// whole article (fields, tags, related links, corrections, old slugs, revisions) as JSON in its audit
// entry and then removes it; restoring rebuilds it from that archive under the same id, as a draft.
import { z } from 'zod';
import { can } from '@/lib/auth/roles';
import { audit } from '@/lib/audit/log';
import { footprintBefore, recordFootprint } from '@/lib/articles/commands/change';
import { ArticleCommandError, type Actor, type Changed } from '@/lib/articles/commands/result';
import { uniqueArticleSlug } from '@/lib/articles/slug';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pick, storedArticleFieldsSchema, storedBody } from '@/lib/articles/stored-fields';
import { bodyColumns } from '@/lib/articles/body/columns';
import { withoutMissingMedia } from '@/lib/articles/body/missing-media';
import { recordRevision } from '@/lib/revisions/record';
import { ensureTags } from '@/lib/tags/commands';

// An instant in the archive: ISO text in the JSON, a Date in the row.
const instant = z.codec(z.iso.datetime(), z.date(), { decode: (iso) => new Date(iso), encode: (date) => date.toISOString() });

/** The deleted article's row: its editable fields (lib/articles/stored-fields.ts) and its other columns. */
const archivedArticleSchema = storedArticleFieldsSchema.omit({ tags: true, contributors: true }).extend({
  id: z.number(),
  legacyId: z.string().nullable(),
  bodyText: z.string(),
  authorId: z.number().nullable(),
  publishedAt: instant.nullable(),
  modifiedAt: instant.nullable(),
  version: z.number(),
  createdAt: instant,
});
const archivedColumns = archivedArticleSchema.keyof().options;

const archiveSchema = z.object({
  article: archivedArticleSchema,
  tags: z.array(z.string()),
  // Contributor ids in byline order (archived before contributors: none).
  contributors: z.array(z.number()).default([]),
  oldSlugs: z.array(z.string()),
  related: z.array(z.object({
    targetArticleId: z.number().nullable(),
    targetLegacyId: z.string().nullable(),
    url: z.string().nullable(),
    kicker: z.string(),
    title: z.string(),
    contentType: z.enum(['text', 'video']),
    mediaId: z.number().nullable(),
  })),
  corrections: z.array(z.object({ note: z.string(), authorId: z.number().nullable(), createdAt: z.string() })),
  revisions: z.array(z.object({ version: z.number(), authorId: z.number().nullable(), snapshot: z.unknown(), note: z.string(), createdAt: z.string() })),
});

export async function deleteArticle(actor: Actor, articleId: number, ip = ''): Promise<Changed> {
  if (!can(actor.role, 'article.delete')) throw new ArticleCommandError('forbidden', 'Only editors and admins can delete articles.');
  const row = await db.article.findUnique({
    where: { id: articleId },
    include: {
      tags: { include: { tag: true }, orderBy: { position: 'asc' } },
      contributors: { orderBy: { position: 'asc' } },
      oldSlugs: true,
      relatedLinks: { orderBy: { position: 'asc' } },
      corrections: { orderBy: { createdAt: 'asc' } },
      revisions: { orderBy: { version: 'asc' } },
    },
  });
  if (!row) throw new ArticleCommandError('not-found', 'That article does not exist.');
  const archive: z.input<typeof archiveSchema> = {
    article: z.encode(archivedArticleSchema, pick({ ...row, body: storedBody(row.body) }, archivedColumns)),
    tags: row.tags.map((link) => link.tag.name),
    contributors: row.contributors.map((link) => link.contributorId),
    oldSlugs: row.oldSlugs.map((old) => old.slug),
    related: row.relatedLinks.map((link) => ({
      targetArticleId: link.targetArticleId, targetLegacyId: link.targetLegacyId, url: link.url, kicker: link.kicker,
      title: link.title, contentType: link.contentType, mediaId: link.mediaId,
    })),
    corrections: row.corrections.map((c) => ({ note: c.note, authorId: c.authorId, createdAt: c.createdAt.toISOString() })),
    revisions: row.revisions.map((r) => ({ version: r.version, authorId: r.authorId, snapshot: r.snapshot, note: r.note, createdAt: r.createdAt.toISOString() })),
  };
  return db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    await audit({ action: 'article.deleted', actorId: actor.id, targetType: 'article', targetId: articleId, detail: JSON.stringify(archive), ip }, tx);
    await tx.article.delete({ where: { id: articleId } });
    // The footprint of a deleted article is its old pages (they must now answer 404).
    return { change: await recordFootprint(tx, articleId, footprint) };
  });
}

export type DeletedArticle = { articleId: number; headline: string; deletedAt: string; deletedBy: string | null };

/** Deleted articles that have not been restored since, newest first. */
export async function listDeletedArticles(limit = 100): Promise<DeletedArticle[]> {
  const deletions = await db.auditEntry.findMany({
    where: { action: 'article.deleted', targetType: 'article' },
    orderBy: { at: 'desc' },
    take: limit,
    include: { actor: { select: { email: true } } },
  });
  const out: DeletedArticle[] = [];
  for (const entry of deletions) {
    const id = Number(entry.targetId);
    if (out.some((item) => item.articleId === id)) continue;
    if (await db.article.findUnique({ where: { id }, select: { id: true } })) continue;
    const parsed = archiveSchema.safeParse(JSON.parse(entry.detail || 'null'));
    out.push({ articleId: id, headline: parsed.success ? parsed.data.article.headline : '(unreadable archive)', deletedAt: entry.at.toISOString(), deletedBy: entry.actor?.email ?? null });
  }
  return out;
}

export async function restoreArticle(actor: Actor, articleId: number, ip = ''): Promise<{ id: number }> {
  if (!can(actor.role, 'article.delete')) throw new ArticleCommandError('forbidden', 'Only editors and admins can restore articles.');
  if (await db.article.findUnique({ where: { id: articleId }, select: { id: true } })) throw new ArticleCommandError('invalid', 'That article is not deleted.');
  const entry = await db.auditEntry.findFirst({ where: { action: 'article.deleted', targetType: 'article', targetId: String(articleId) }, orderBy: { at: 'desc' } });
  if (!entry) throw new ArticleCommandError('not-found', 'No deleted article with that id.');
  const archive = archiveSchema.parse(JSON.parse(entry.detail));
  const { article } = archive;

  await db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: article.sectionId }, select: { id: true } });
    const fallbackSection = section ?? (await tx.section.findFirst({ orderBy: { position: 'asc' }, select: { id: true } }));
    if (!fallbackSection) throw new ArticleCommandError('invalid', 'There is no section to restore the article into.');
    const slugTaken = (await tx.article.findUnique({ where: { slug: article.slug } })) || (await tx.articleSlug.findUnique({ where: { slug: article.slug } }));
    const slug = slugTaken ? await uniqueArticleSlug(article.headline, { client: tx }) : article.slug;
    const legacyTaken = article.legacyId ? await tx.article.findUnique({ where: { legacyId: article.legacyId } }) : null;
    const media = article.leadMediaId ? await tx.media.findUnique({ where: { id: article.leadMediaId }, select: { id: true } }) : null;
    const users = new Set((await tx.user.findMany({ select: { id: true } })).map((user) => user.id));
    const userOrNull = (id: number | null) => (id !== null && users.has(id) ? id : null);
    const version = Math.max(article.version, ...archive.revisions.map((revision) => revision.version)) + 1;
    // Pictures and videos deleted from the library since are left out, as the lead media is.
    const { body } = await withoutMissingMedia(tx, article.body);

    // A restored article comes back as a draft: someone decides whether it goes public again.
    await tx.article.create({
      data: {
        ...article, ...bodyColumns(body), legacyId: legacyTaken ? null : article.legacyId, slug, sectionId: fallbackSection.id,
        leadMediaId: media?.id ?? null, authorId: userOrNull(article.authorId), status: 'draft', version,
      },
    });
    const tags = await ensureTags(archive.tags, tx);
    if (tags.length) await tx.articleTag.createMany({ data: tags.map((tag, position) => ({ articleId: article.id, tagId: tag.id, position })) });
    // The byline's contributors that still exist, in order.
    const contributors = new Set((await tx.contributor.findMany({ where: { id: { in: archive.contributors } }, select: { id: true } })).map((row) => row.id));
    const byline = archive.contributors.filter((id) => contributors.has(id));
    if (byline.length) await tx.articleContributor.createMany({ data: byline.map((contributorId, position) => ({ articleId: article.id, contributorId, position })) });
    for (const old of archive.oldSlugs) {
      if (old === slug || (await tx.articleSlug.findUnique({ where: { slug: old } })) || (await tx.article.findUnique({ where: { slug: old } }))) continue;
      await tx.articleSlug.create({ data: { slug: old, articleId: article.id } });
    }
    const articleIds = new Set((await tx.article.findMany({ where: { id: { in: archive.related.flatMap((link) => (link.targetArticleId ? [link.targetArticleId] : [])) } }, select: { id: true } })).map((row) => row.id));
    const mediaIds = new Set((await tx.media.findMany({ where: { id: { in: archive.related.flatMap((link) => (link.mediaId ? [link.mediaId] : [])) } }, select: { id: true } })).map((row) => row.id));
    for (const [position, link] of archive.related.entries()) {
      await tx.relatedLink.create({
        data: {
          articleId: article.id, position, url: link.url, kicker: link.kicker, title: link.title, contentType: link.contentType,
          targetArticleId: link.targetArticleId && articleIds.has(link.targetArticleId) ? link.targetArticleId : null,
          targetLegacyId: link.targetLegacyId, mediaId: link.mediaId && mediaIds.has(link.mediaId) ? link.mediaId : null,
        },
      });
    }
    for (const correction of archive.corrections) {
      await tx.correction.create({ data: { articleId: article.id, note: correction.note, authorId: userOrNull(correction.authorId), createdAt: new Date(correction.createdAt) } });
    }
    for (const revision of archive.revisions) {
      await tx.revision.create({
        data: {
          articleId: article.id, version: revision.version, authorId: userOrNull(revision.authorId), note: revision.note,
          snapshot: revision.snapshot as Prisma.InputJsonValue, createdAt: new Date(revision.createdAt),
        },
      });
    }
    await recordRevision(tx, { articleId: article.id, authorId: actor.id, note: 'Restored after deletion' });
    await audit({ action: 'article.restored', actorId: actor.id, targetType: 'article', targetId: article.id, detail: article.headline.slice(0, 300), ip }, tx);
  });
  return { id: article.id };
}
