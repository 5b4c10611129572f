// Writing contributor profiles (/admin/contributors): create, edit, retire, restore. Each command
// checks the role itself (writers pick contributors for bylines but never manage them), parses the one
// schema, writes the audit entry and records the page refresh in the outbox, in one transaction; the
// caller (a server action) carries the refresh out after the commit.
import { can } from '@/lib/auth/roles';
import type { Role } from '@/lib/generated/prisma/client';
import { audit } from '@/lib/audit/log';
import { CommandError } from '@/lib/commands/error';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { cacheTags } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { contributorMessages } from '@/lib/contributors/messages';
import { contributorIdSchema, contributorInputSchema, contributorUpdateSchema, type ContributorInput } from '@/lib/contributors/schema';
import { contributorSlugIsFree, uniqueContributorSlug } from '@/lib/contributors/slug';
import type { z } from 'zod';

export { contributorMessages };

export type ContributorActor = { id: number; role: Role; ip?: string };
type Tx = Prisma.TransactionClient;

function authorise(actor: ContributorActor): void {
  if (!can(actor.role, 'contributors.manage')) throw new CommandError('forbidden', contributorMessages.role);
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  throw new CommandError('invalid', contributorMessages.fields, fields);
}

/** The tags a profile change expires: wherever the profile shows (bylines, the author page and its
 * feeds, the resolver's answers about its address), every feed (bylines name it) and the sitemaps. */
export function contributorRefreshTags(id: number): string[] {
  return [cacheTags.contributor(id), cacheTags.author(id), cacheTags.feeds, cacheTags.sitemaps];
}

async function checkReferences(tx: Tx, input: ContributorInput, contributorId: number | null): Promise<void> {
  if (input.photoId !== null && !(await tx.media.findFirst({ where: { id: input.photoId, kind: 'image' }, select: { id: true } }))) {
    throw new CommandError('invalid', contributorMessages.photo, { photoId: contributorMessages.photo });
  }
  if (input.userId !== null) {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { contributor: { select: { id: true } } } });
    if (!user) throw new CommandError('invalid', contributorMessages.account, { userId: contributorMessages.account });
    if (user.contributor && user.contributor.id !== contributorId) throw new CommandError('invalid', contributorMessages.accountTaken, { userId: contributorMessages.accountTaken });
  }
}

async function settleSlug(tx: Tx, input: ContributorInput, current: { id: number; slug: string } | null): Promise<string> {
  if (!input.slug) return current ? current.slug : uniqueContributorSlug(tx, input.name);
  if (!(await contributorSlugIsFree(tx, input.slug, current?.id ?? null))) throw new CommandError('invalid', contributorMessages.slugTaken, { slug: contributorMessages.slugTaken });
  return input.slug;
}

const columns = (input: ContributorInput) => {
  const { slug: _slug, ...rest } = input;
  return rest;
};

export async function createContributor(actor: ContributorActor, raw: unknown): Promise<{ id: number; slug: string }> {
  authorise(actor);
  const input = parse(contributorInputSchema, raw);
  return db.$transaction(async (tx) => {
    await checkReferences(tx, input, null);
    const slug = await settleSlug(tx, input, null);
    const created = await tx.contributor.create({ data: { ...columns(input), slug }, select: { id: true, slug: true } });
    await audit({ action: 'contributor.created', actorId: actor.id, targetType: 'contributor', targetId: created.id, detail: `${input.name} (/author/${slug})`, ip: actor.ip ?? '' }, tx);
    // A new profile is on no page yet: nothing to refresh.
    return created;
  });
}

export async function updateContributor(actor: ContributorActor, raw: unknown): Promise<{ id: number; slug: string }> {
  authorise(actor);
  const { id, ...input } = parse(contributorUpdateSchema, raw);
  return db.$transaction(async (tx) => {
    const current = await tx.contributor.findUnique({ where: { id }, select: { id: true, slug: true } });
    if (!current) throw new CommandError('not-found', contributorMessages.missing);
    await checkReferences(tx, input, id);
    const slug = await settleSlug(tx, input, current);
    // The old address keeps answering (301 to the new one); going back to an old slug frees it.
    if (slug !== current.slug) {
      await tx.contributorSlug.deleteMany({ where: { slug, contributorId: id } });
      await tx.contributorSlug.upsert({ where: { slug: current.slug }, create: { slug: current.slug, contributorId: id }, update: { contributorId: id } });
    }
    await tx.contributor.update({ where: { id }, data: { ...columns(input), slug } });
    await audit({ action: 'contributor.edited', actorId: actor.id, targetType: 'contributor', targetId: id, detail: slug === current.slug ? input.name : `${input.name} (/author/${current.slug} → /author/${slug})`, ip: actor.ip ?? '' }, tx);
    await recordPageRefresh(tx, contributorRefreshTags(id));
    return { id, slug };
  });
}

/** Retired: no longer offered for new bylines; the bylines that name it and its page stay. */
export async function setContributorRetired(actor: ContributorActor, raw: unknown, retired: boolean): Promise<{ id: number }> {
  authorise(actor);
  const { id } = parse(contributorIdSchema, raw);
  return db.$transaction(async (tx) => {
    const current = await tx.contributor.findUnique({ where: { id }, select: { name: true, retiredAt: true } });
    if (!current) throw new CommandError('not-found', contributorMessages.missing);
    if (retired && current.retiredAt) throw new CommandError('invalid', contributorMessages.retired);
    if (!retired && !current.retiredAt) throw new CommandError('invalid', contributorMessages.notRetired);
    await tx.contributor.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
    await audit({ action: retired ? 'contributor.retired' : 'contributor.restored', actorId: actor.id, targetType: 'contributor', targetId: id, detail: current.name, ip: actor.ip ?? '' }, tx);
    return { id };
  });
}

/** Do all these contributors exist? (An article save checks its byline with it, inside its transaction.) */
export async function contributorsExist(tx: Tx, ids: readonly number[]): Promise<boolean> {
  return ids.length === 0 || (await tx.contributor.count({ where: { id: { in: [...ids] } } })) === ids.length;
}

/** Inside an article save, after contributorsExist: the byline's rows in order. */
export async function setArticleByline(tx: Tx, articleId: number, ids: readonly number[]): Promise<void> {
  await tx.articleContributor.deleteMany({ where: { articleId } });
  if (ids.length) await tx.articleContributor.createMany({ data: ids.map((contributorId, position) => ({ articleId, contributorId, position })) });
}
