// Creating and editing articles. Every save checks the body's blocks (the schema's body field does), checks the section and lead media exist,
// settles the slug, sets the tags, bumps the version and stores a revision, in one transaction. An
// edit names the version it was made on: if someone saved since, nothing is written and the caller
// gets the other version to show beside what this editor typed (optimistic locking).
import { z } from 'zod';
import { canEditArticle, canReadArticle, can } from '@/lib/auth/roles';
import { audit } from '@/lib/audit/log';
import { footprintBefore, recordFootprint } from '@/lib/articles/commands/change';
import { ArticleCommandError, type Actor, type Changed } from '@/lib/articles/commands/result';
import { bodyColumns } from '@/lib/articles/body/columns';
import { isMissingReference, missingMediaMessage } from '@/lib/articles/body/missing-media';
import { articleFieldNames, articleInputSchema, articleUpdateSchema, fieldErrors, type ArticleInput, type ArticleUpdate } from '@/lib/articles/schema';
import { maxSlugLength, uniqueArticleSlug } from '@/lib/articles/slug';
import { articleColumnNames, pick } from '@/lib/articles/stored-fields';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { readSnapshot, recordRevision } from '@/lib/revisions/record';
import { mergeOverTheirs } from '@/lib/revisions/merge';
import { articleSnapshotSchema, type ArticleSnapshot } from '@/lib/revisions/snapshot';
import { ensureTags } from '@/lib/tags/commands';
import { contributorMessages, contributorsExist, setArticleByline } from '@/lib/contributors/commands';

type Tx = Prisma.TransactionClient;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ArticleCommandError('invalid', 'Some fields need attention.', fieldErrors(parsed.error));
  return parsed.data;
}

async function checkReferences(tx: Tx, input: ArticleInput): Promise<void> {
  const fields: Record<string, string> = {};
  if (!(await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) fields.sectionId = 'Choose a section.';
  if (input.leadMediaId !== null && !(await tx.media.findUnique({ where: { id: input.leadMediaId }, select: { id: true } }))) {
    fields.leadMediaId = 'That media item no longer exists.';
  }
  const bodyMedia = await missingMediaMessage(tx, input.body);
  if (bodyMedia) fields.body = bodyMedia;
  // Retired contributors may stay in a byline that names them; one deleted since the form opened may not.
  if (!(await contributorsExist(tx, input.contributors))) fields.contributors = contributorMessages.byline;
  if (input.slug.length > maxSlugLength) fields.slug = `At most ${maxSlugLength} characters.`;
  if (Object.keys(fields).length) throw new ArticleCommandError('invalid', 'Some fields need attention.', fields);
}

/** Is `slug` free for this article (no other article has it now or had it before)? */
async function slugIsFree(tx: Tx, slug: string, articleId: number | null): Promise<boolean> {
  const [article, old] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.articleSlug.findUnique({ where: { slug }, select: { articleId: true } }),
  ]);
  return (!article || article.id === articleId) && (!old || old.articleId === articleId);
}

/** An empty slug means "from the headline", except for an article readers may have seen: it keeps its own. */
async function settleSlug(tx: Tx, input: ArticleInput, current: { id: number; slug: string; everPublic: boolean } | null): Promise<string> {
  const articleId = current?.id ?? null;
  if (!input.slug && current?.everPublic) return current.slug;
  if (!input.slug) return uniqueArticleSlug(input.headline, { articleId: articleId ?? undefined, client: tx, language: input.language });
  if (!(await slugIsFree(tx, input.slug, articleId))) {
    throw new ArticleCommandError('invalid', 'Some fields need attention.', { slug: 'Another article uses (or used) this slug. Choose another, or leave it empty to make one from the headline.' });
  }
  return input.slug;
}

/**
 * Runs a save's transaction. A foreign key refusal there, after checkReferences found everything,
 * is media deleted by someone else between that check and the write (the MediaUse index refuses a use
 * of media that is gone, decision 0024): a 409 saying so, with nothing written.
 */
async function inSaveTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (!isMissingReference(error)) throw error;
    throw new ArticleCommandError('conflict', 'A picture or video of this article was deleted from the media library while you saved. Nothing was saved: choose it again or remove it, then save.', {
      body: 'A picture or video in the body was deleted while you saved.',
    });
  }
}

async function setTags(tx: Tx, articleId: number, names: readonly string[]): Promise<void> {
  const tags = await ensureTags(names, tx);
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (tags.length) await tx.articleTag.createMany({ data: tags.map((tag, position) => ({ articleId, tagId: tag.id, position })) });
}

/** The row's columns from the input (its slug is settled apart: callers write the settled one over it). */
function fieldsOf(input: ArticleInput) {
  // The body was checked block by block by the schema's body field; its text and word count are made from it.
  return { ...pick(input, articleColumnNames), ...bodyColumns(input.body) };
}

export async function createArticle(actor: Actor, raw: unknown): Promise<{ id: number; version: number; slug: string }> {
  if (!can(actor.role, 'article.create')) throw new ArticleCommandError('forbidden', 'Your role cannot create articles.');
  const input = parse(articleInputSchema, raw);
  const article = await inSaveTransaction(async (tx) => {
    await checkReferences(tx, input);
    const slug = await settleSlug(tx, input, null);
    const created = await tx.article.create({ data: { ...fieldsOf(input), slug, status: 'draft', authorId: actor.id, version: 1 } });
    await setTags(tx, created.id, input.tags);
    await setArticleByline(tx, created.id, input.contributors);
    await recordRevision(tx, { articleId: created.id, authorId: actor.id, note: 'Created' });
    await audit({ action: 'article.created', actorId: actor.id, targetType: 'article', targetId: created.id, detail: input.headline.slice(0, 300) }, tx);
    return created;
  });
  return { id: article.id, version: article.version, slug: article.slug };
}

export type ConflictingVersion = {
  version: number;
  snapshot: ArticleSnapshot;
  savedBy: string | null;
  savedAt: string | null;
};

export type UpdateResult =
  | ({ ok: true; version: number; slug: string } & Changed)
  | { ok: false; conflict: ConflictingVersion };

export async function loadConflictingVersion(articleId: number): Promise<ConflictingVersion> {
  const { version, snapshot } = await db.$transaction((tx) => readSnapshot(tx, articleId));
  const revision = await db.revision.findUnique({
    where: { articleId_version: { articleId, version } },
    select: { createdAt: true, author: { select: { email: true, name: true } } },
  });
  return {
    version,
    snapshot,
    savedBy: revision?.author ? revision.author.name || revision.author.email : null,
    savedAt: revision?.createdAt.toISOString() ?? null,
  };
}

/**
 * A save on top of another editor's version (its `version` is theirs, `baseVersion` the one the form
 * was opened on): every field this editor left as it was on the base keeps theirs. Without the base's
 * revision there is nothing to merge against, and what was posted is saved as it is.
 */
async function mergeOnTheirs(tx: Tx, articleId: number, input: ArticleUpdate): Promise<ArticleUpdate> {
  if (input.baseVersion === undefined || input.baseVersion === input.version) return input;
  const revision = await tx.revision.findUnique({ where: { articleId_version: { articleId, version: input.baseVersion } }, select: { snapshot: true } });
  const base = articleSnapshotSchema.safeParse(revision?.snapshot);
  if (!base.success) return input;
  const { snapshot: theirs } = await readSnapshot(tx, articleId);
  return mergeOverTheirs(base.data, input, theirs, articleFieldNames).merged;
}

export async function updateArticle(actor: Actor, articleId: number, raw: unknown, note = 'Edited'): Promise<UpdateResult> {
  const posted = parse(articleUpdateSchema, raw);
  const current = await db.article.findUnique({ where: { id: articleId }, select: { status: true, authorId: true, version: true } });
  // What the actor may not even read answers as if it did not exist (docs/decisions/0010).
  if (!current || !canReadArticle(actor, current)) throw new ArticleCommandError('not-found', 'That article does not exist (it may have been deleted).');
  if (!canEditArticle(actor, current)) throw new ArticleCommandError('forbidden', 'Your role cannot edit this article.');
  if (current.version !== posted.version) return { ok: false, conflict: await loadConflictingVersion(articleId) };

  const saved = await inSaveTransaction(async (tx) => {
    const input = await mergeOnTheirs(tx, articleId, posted);
    const footprint = await footprintBefore(articleId, tx);
    await checkReferences(tx, input);
    const before = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, status: true, publishedAt: true } });
    const slug = await settleSlug(tx, input, { id: articleId, slug: before.slug, everPublic: before.status === 'published' || before.publishedAt !== null });
    // Only the version this editor started from may be overwritten: a concurrent save bumped it.
    const { count } = await tx.article.updateMany({
      where: { id: articleId, version: input.version },
      data: {
        ...fieldsOf(input),
        slug,
        version: { increment: 1 },
        ...(before.status === 'published' ? { modifiedAt: new Date() } : {}),
      },
    });
    if (count === 0) return null;
    // A slug readers may have seen keeps answering (301 to the new one); going back to an old slug frees it.
    if (slug !== before.slug) {
      await tx.articleSlug.deleteMany({ where: { slug, articleId } });
      if (before.status === 'published' || before.publishedAt !== null) {
        await tx.articleSlug.upsert({ where: { slug: before.slug }, create: { slug: before.slug, articleId }, update: { articleId } });
      }
    }
    await setTags(tx, articleId, input.tags);
    await setArticleByline(tx, articleId, input.contributors);
    await recordRevision(tx, { articleId, authorId: actor.id, note });
    const change = await recordFootprint(tx, articleId, footprint);
    return { ...(await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true, slug: true } })), change };
  });
  if (!saved) return { ok: false, conflict: await loadConflictingVersion(articleId) };
  return { ok: true, version: saved.version, slug: saved.slug, change: saved.change };
}
