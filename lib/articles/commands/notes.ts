// Corrections and the breaking-news flag: additions to a published article that are not edits of its
// text, so they leave the version alone (an editor mid-edit is not put in conflict by them).
import { can } from '@/lib/auth/roles';
import { audit } from '@/lib/audit/log';
import { footprintBefore, recordFootprint } from '@/lib/articles/commands/change';
import { ArticleCommandError, type Actor, type Changed } from '@/lib/articles/commands/result';
import { correctionSchema } from '@/lib/articles/schema';
import { db } from '@/lib/db/client';

/** A dated correction note shown on the article; it moves the article's modified time. */
export async function addCorrection(actor: Actor, articleId: number, raw: unknown, ip = ''): Promise<Changed & { id: number }> {
  if (!can(actor.role, 'article.correct')) throw new ArticleCommandError('forbidden', 'Only editors and admins can add corrections.');
  const parsed = correctionSchema.safeParse(raw);
  if (!parsed.success) throw new ArticleCommandError('invalid', parsed.error.issues[0]?.message ?? 'Write the correction.', { note: parsed.error.issues[0]?.message ?? '' });
  const article = await db.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article) throw new ArticleCommandError('not-found', 'That article does not exist.');
  if (article.status !== 'published') throw new ArticleCommandError('invalid', 'Corrections are for published articles: edit a draft instead.');
  const now = new Date();
  return db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    const created = await tx.correction.create({ data: { articleId, note: parsed.data.note, authorId: actor.id, createdAt: now } });
    await tx.article.update({ where: { id: articleId }, data: { modifiedAt: now } });
    await audit({ action: 'article.corrected', actorId: actor.id, targetType: 'article', targetId: articleId, detail: parsed.data.note.slice(0, 300), ip }, tx);
    return { id: created.id, change: await recordFootprint(tx, articleId, footprint) };
  });
}

/** Flags a published article as breaking until `until` (null: not breaking any more). */
export async function setBreaking(actor: Actor, articleId: number, until: Date | null, ip = ''): Promise<Changed> {
  if (!can(actor.role, 'article.breaking')) throw new ArticleCommandError('forbidden', 'Only editors and admins can flag breaking news.');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article) throw new ArticleCommandError('not-found', 'That article does not exist.');
  if (until) {
    if (article.status !== 'published') throw new ArticleCommandError('invalid', 'Only a published article can be breaking news.');
    if (until.getTime() <= Date.now()) throw new ArticleCommandError('invalid', 'Choose a time in the future.', { until: 'Choose a time in the future.' });
  }
  return db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    await tx.article.update({ where: { id: articleId }, data: { breakingUntil: until } });
    await audit({ action: 'article.breaking', actorId: actor.id, targetType: 'article', targetId: articleId, detail: until ? `until ${until.toISOString()}` : 'ended', ip }, tx);
    return { change: await recordFootprint(tx, articleId, footprint, { breaking: true }) };
  });
}
