// Restoring a revision: its text becomes a new save on top of the current version (never a rewind
// of history), so the version it replaces stays in the history too. Status and dates are not
// restored: publishing stays a decision of its own.
import { updateArticle, type UpdateResult } from '@/lib/articles/commands/save';
import { ArticleCommandError, type Actor } from '@/lib/articles/commands/result';
import { articleFieldNames, type ArticleUpdate } from '@/lib/articles/schema';
import { withoutMissingMedia } from '@/lib/articles/body/missing-media';
import { pick } from '@/lib/articles/stored-fields';
import { audit } from '@/lib/audit/log';
import { db } from '@/lib/db/client';
import { getRevision } from '@/lib/revisions/queries';

export async function restoreRevision(actor: Actor, articleId: number, version: number, expectedVersion: number, ip = ''): Promise<UpdateResult> {
  // Read as the actor: another writer's draft has no revisions to restore, as if it did not exist.
  const revision = await getRevision(articleId, version, actor);
  if (!revision) throw new ArticleCommandError('not-found', 'That revision does not exist.');
  const { snapshot } = revision;
  const sectionExists = await db.section.findUnique({ where: { id: snapshot.sectionId }, select: { id: true } });
  const mediaExists = snapshot.leadMediaId ? await db.media.findUnique({ where: { id: snapshot.leadMediaId }, select: { id: true } }) : null;
  // Pictures and videos deleted from the library since are left out, as the lead media is.
  const { body } = await withoutMissingMedia(db, snapshot.body);
  const current = await db.article.findUnique({ where: { id: articleId }, select: { sectionId: true, contributors: { orderBy: { position: 'asc' }, select: { contributorId: true } } } });
  if (!current) throw new ArticleCommandError('not-found', 'That article does not exist.');
  // A revision saved before contributors (docs/decisions/0021) holds no byline of ids: the article
  // keeps the byline it has rather than losing it. Otherwise its contributors that still exist.
  const stored = await db.revision.findUnique({ where: { articleId_version: { articleId, version } }, select: { snapshot: true } });
  const hadByline = typeof stored?.snapshot === 'object' && stored.snapshot !== null && 'contributors' in stored.snapshot;
  const existing = new Set((await db.contributor.findMany({ where: { id: { in: snapshot.contributors } }, select: { id: true } })).map((row) => row.id));
  const contributors = hadByline ? snapshot.contributors.filter((id) => existing.has(id)) : current.contributors.map((link) => link.contributorId);
  const result = await updateArticle(
    actor,
    articleId,
    {
      ...pick(snapshot, articleFieldNames),
      body,
      sectionId: sectionExists ? snapshot.sectionId : current.sectionId,
      leadMediaId: mediaExists ? snapshot.leadMediaId : null,
      contributors,
      version: expectedVersion,
    } satisfies ArticleUpdate,
    `Restored version ${version}`,
  );
  if (result.ok) {
    await audit({ action: 'article.revision-restored', actorId: actor.id, targetType: 'article', targetId: articleId, detail: `version ${version} → ${result.version}`, ip });
  }
  return result;
}
