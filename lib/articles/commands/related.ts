// An article's related links: other Lede articles or external pages, in an order the editor sets.
// Positions are kept dense (0, 1, 2, ...) so "up" and "down" are a swap with the neighbour.
import { canEditArticle, canReadArticle, readableArticles } from '@/lib/auth/roles';
import { footprintBefore, recordFootprint } from '@/lib/articles/commands/change';
import { ArticleCommandError, type Actor, type Changed } from '@/lib/articles/commands/result';
import { relatedArticleSchema, relatedMoveSchema, relatedRemoveSchema, relatedUrlSchema, fieldErrors } from '@/lib/articles/schema';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export const maxRelatedLinks = 30;

async function editable(actor: Actor, articleId: number) {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, status: true, authorId: true } });
  if (!article || !canReadArticle(actor, article)) throw new ArticleCommandError('not-found', 'That article does not exist.');
  if (!canEditArticle(actor, article)) throw new ArticleCommandError('forbidden', 'Your role cannot edit this article.');
  return article;
}

async function renumber(tx: Prisma.TransactionClient, articleId: number): Promise<void> {
  const links = await tx.relatedLink.findMany({ where: { articleId }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, position: true } });
  for (const [index, link] of links.entries()) {
    if (link.position !== index) await tx.relatedLink.update({ where: { id: link.id }, data: { position: index } });
  }
}

async function append(actor: Actor, articleId: number, data: Omit<Prisma.RelatedLinkUncheckedCreateInput, 'articleId' | 'position'>): Promise<Changed & { id: number }> {
  await editable(actor, articleId);
  return db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    const count = await tx.relatedLink.count({ where: { articleId } });
    if (count >= maxRelatedLinks) throw new ArticleCommandError('invalid', `An article has at most ${maxRelatedLinks} related links.`);
    const link = await tx.relatedLink.create({ data: { ...data, articleId, position: count } });
    return { id: link.id, change: await recordFootprint(tx, articleId, footprint) };
  });
}

export async function addRelatedArticle(actor: Actor, articleId: number, raw: unknown): Promise<Changed & { id: number }> {
  const parsed = relatedArticleSchema.safeParse(raw);
  if (!parsed.success) throw new ArticleCommandError('invalid', 'Pick an article to link.');
  const { targetArticleId } = parsed.data;
  if (targetArticleId === articleId) throw new ArticleCommandError('invalid', 'An article cannot be related to itself.');
  // Only an article the actor may read can be linked: the link's label would show its headline.
  const target = await db.article.findFirst({ where: { AND: [{ id: targetArticleId }, readableArticles(actor)] }, select: { id: true } });
  if (!target) throw new ArticleCommandError('invalid', 'That article does not exist.');
  if (await db.relatedLink.findFirst({ where: { articleId, targetArticleId }, select: { id: true } })) {
    throw new ArticleCommandError('invalid', 'That article is already in the related links.');
  }
  return append(actor, articleId, { targetArticleId });
}

export async function addRelatedUrl(actor: Actor, articleId: number, raw: unknown): Promise<Changed & { id: number }> {
  const parsed = relatedUrlSchema.safeParse(raw);
  if (!parsed.success) throw new ArticleCommandError('invalid', 'Some fields need attention.', fieldErrors(parsed.error));
  const { url, title, kicker, contentType, mediaId } = parsed.data;
  if (mediaId !== null && !(await db.media.findUnique({ where: { id: mediaId }, select: { id: true } }))) {
    throw new ArticleCommandError('invalid', 'Some fields need attention.', { mediaId: 'That picture no longer exists.' });
  }
  return append(actor, articleId, { url, title, kicker, contentType, mediaId });
}

export async function moveRelatedLink(actor: Actor, articleId: number, raw: unknown): Promise<Changed> {
  const parsed = relatedMoveSchema.safeParse(raw);
  if (!parsed.success) throw new ArticleCommandError('invalid', 'Choose a link and a direction.');
  await editable(actor, articleId);
  return db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    await renumber(tx, articleId);
    const links = await tx.relatedLink.findMany({ where: { articleId }, orderBy: { position: 'asc' }, select: { id: true, position: true } });
    const index = links.findIndex((link) => link.id === parsed.data.linkId);
    if (index < 0) throw new ArticleCommandError('not-found', 'That link is not on this article any more.');
    const other = links[parsed.data.direction === 'up' ? index - 1 : index + 1];
    const self = links[index]!;
    if (!other) return { change: null };
    await tx.relatedLink.update({ where: { id: self.id }, data: { position: other.position } });
    await tx.relatedLink.update({ where: { id: other.id }, data: { position: self.position } });
    return { change: await recordFootprint(tx, articleId, footprint) };
  });
}

export async function removeRelatedLink(actor: Actor, articleId: number, raw: unknown): Promise<Changed> {
  const parsed = relatedRemoveSchema.safeParse(raw);
  if (!parsed.success) throw new ArticleCommandError('invalid', 'Choose a link to remove.');
  await editable(actor, articleId);
  return db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    const { count } = await tx.relatedLink.deleteMany({ where: { id: parsed.data.linkId, articleId } });
    if (count === 0) throw new ArticleCommandError('not-found', 'That link is not on this article any more.');
    await renumber(tx, articleId);
    return { change: await recordFootprint(tx, articleId, footprint) };
  });
}
