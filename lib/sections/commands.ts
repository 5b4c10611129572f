// Write commands for sections. They return plain data and never touch Next's cache: each write records
// the refresh of the pages it changes in the outbox, in its own transaction (lib/cache/outbox.ts), and
// the caller (a server action, a script) carries it out.
import slugify from '@sindresorhus/slugify';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Prisma, Section } from '@/lib/generated/prisma/client';
import { reservedSectionSlugs } from '@/lib/articles/urls';
import { audit } from '@/lib/audit/log';
import { CommandError } from '@/lib/commands/error';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { slugPattern } from '@/lib/forms/slug-pattern';
import { cacheTags } from '@/lib/cache/tags';
import { sectionMessages } from '@/lib/sections/messages';

export { sectionMessages };


const slugField = z
  .string()
  .trim()
  .regex(slugPattern, sectionMessages.slug)
  .max(60, sectionMessages.slug)
  .refine((slug) => !reservedSectionSlugs.has(slug), sectionMessages.reserved);
const nameField = z.string().trim().min(1, sectionMessages.name).max(80, sectionMessages.name);
const descriptionField = z.string().trim().max(300, sectionMessages.description);
/** A form leaves a field empty to mean "not given". */
const optional = <T extends z.ZodType>(field: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), field.optional());
const sectionId = z.coerce.number<string | number>().int().positive();

/** The CLI's, the seed's and the imports' input: a section by slug, created or changed. */
export const sectionInputSchema = z.object({
  slug: slugField,
  name: nameField,
  description: descriptionField.default(''),
  position: z.number().int().min(0).optional(),
});

/** Every change the newsroom makes to sections (/admin/sections): the one schema each path parses. */
export const sectionChangeSchema = z.discriminatedUnion('action', [
  // The slug is made from the name unless given.
  z.object({ action: z.literal('create'), name: nameField, slug: optional(slugField), description: optional(descriptionField) }),
  // A new name and/or slug; an absent field stays as it is.
  z.object({ action: z.literal('rename'), id: sectionId, name: optional(nameField), slug: optional(slugField), description: optional(descriptionField) }),
  z.object({ action: z.literal('move'), id: sectionId, direction: z.enum(['up', 'down']) }),
  z.object({ action: z.literal('retire'), id: sectionId }),
  z.object({ action: z.literal('restore'), id: sectionId }),
]);

export type SectionInput = z.input<typeof sectionInputSchema>;
export type SectionChange = z.input<typeof sectionChangeSchema>;
type SectionClient = Pick<Prisma.TransactionClient, 'section'>;
type Tx = Prisma.TransactionClient;

/** The slug a new section gets from its name ("Arts & Culture" → "arts-and-culture"). */
export function slugFromName(name: string): string {
  return slugify(name, { decamelize: false }).slice(0, 60).replace(/-+$/, '');
}

/** Creates the section or updates it by slug. */
export async function upsertSection(input: SectionInput, client: SectionClient = db): Promise<Section> {
  const data = sectionInputSchema.parse(input);
  const position = data.position ?? (await client.section.count());
  return client.section.upsert({
    where: { slug: data.slug },
    create: { ...data, position },
    update: { name: data.name, description: data.description, ...(data.position === undefined ? {} : { position: data.position }) },
  });
}

/** The section with this slug, created (last in the navigation) when missing; an existing one is left as it is. */
export async function ensureSection(slug: string, name: string, client: SectionClient = db): Promise<Section> {
  const existing = await client.section.findUnique({ where: { slug } });
  return existing ?? upsertSection({ slug, name }, client);
}

/** Refuses a slug that another section has now or had before (its old address answers 301 to it, so
 * giving it away would move that section's old links to a stranger). A section may take back its own. */
async function assertSlugFree(tx: Tx, slug: string, ownId: number | null): Promise<void> {
  const [current, old] = await Promise.all([
    tx.section.findUnique({ where: { slug }, select: { id: true } }),
    tx.sectionSlug.findUnique({ where: { slug }, select: { sectionId: true } }),
  ]);
  if ((current && current.id !== ownId) || (old && old.sectionId !== ownId)) throw new CommandError('conflict', sectionMessages.taken, { slug: sectionMessages.taken });
}

/** The newsroom's way to add or change a section (npm run sections): the section and the refresh of
 * every page that shows the navigation, in one transaction (lib/cache/outbox.ts carries it out on
 * every running instance). */
export async function saveSection(input: SectionInput): Promise<Section> {
  const data = sectionInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const existing = await tx.section.findUnique({ where: { slug: data.slug }, select: { id: true } });
    await assertSlugFree(tx, data.slug, existing?.id ?? null);
    const section = await upsertSection(data, tx);
    await recordPageRefresh(tx, [cacheTags.sections, cacheTags.home, cacheTags.section(section.slug)]);
    return section;
  });
}

export type SectionChangeResult = { section: Section; notice: 'section-created' | 'section-renamed' | 'section-moved' | 'section-retired' | 'section-restored' };

function asCommandError(error: z.ZodError): CommandError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? 'input');
  const message = issue?.message && Object.values<string>(sectionMessages).includes(issue.message) ? issue.message : 'Check the section’s fields.';
  return new CommandError('invalid', message, { [field]: message });
}

async function sectionById(tx: Tx, id: number): Promise<Section> {
  const section = await tx.section.findUnique({ where: { id } });
  if (!section) throw new CommandError('not-found', sectionMessages.missing);
  return section;
}

/**
 * Creates, renames, moves, retires or restores a section (`sectionChangeSchema`), with its audit entry
 * and the refresh of every page it changes, in one transaction. `actorId` is the signed-in editor
 * (authorised by the caller).
 */
export async function changeSection(input: unknown, actor: { id: number | null; ip?: string }): Promise<SectionChangeResult> {
  const parsed = sectionChangeSchema.safeParse(input);
  if (!parsed.success) throw asCommandError(parsed.error);
  const change = parsed.data;
  const entry = (action: Parameters<typeof audit>[0]['action'], section: Section, detail: string) => ({ action, actorId: actor.id, targetType: 'section' as const, targetId: section.id, detail, ip: actor.ip ?? '' });
  try {
    return await db.$transaction(async (tx) => {
      switch (change.action) {
        case 'create': {
          const slug = change.slug ?? slugFromName(change.name);
          const checked = slugField.safeParse(slug);
          if (!checked.success) throw asCommandError(new z.ZodError(checked.error.issues.map((issue) => ({ ...issue, path: ['slug'] }))));
          await assertSlugFree(tx, slug, null);
          const last = await tx.section.aggregate({ _max: { position: true } });
          const section = await tx.section.create({ data: { slug, name: change.name, description: change.description ?? '', position: (last._max.position ?? -1) + 1 } });
          await audit(entry('section.created', section, `/${slug} "${section.name}"`), tx);
          await recordPageRefresh(tx, [cacheTags.sections, cacheTags.home, cacheTags.sitemaps, cacheTags.section(slug), cacheTags.sectionAddresses(slug)]);
          return { section, notice: 'section-created' };
        }
        case 'rename': {
          const before = await sectionById(tx, change.id);
          const slug = change.slug ?? before.slug;
          if (slug !== before.slug) {
            await assertSlugFree(tx, slug, before.id);
            // Its own old slug taken back is no longer an old slug; the slug it leaves becomes one.
            await tx.sectionSlug.deleteMany({ where: { slug } });
            await tx.sectionSlug.create({ data: { slug: before.slug, sectionId: before.id } });
          }
          const section = await tx.section.update({ where: { id: before.id }, data: { slug, name: change.name ?? before.name, description: change.description ?? before.description } });
          const moved = slug === before.slug ? '' : `/${before.slug} → /${slug}`;
          const renamed = section.name === before.name ? '' : `"${before.name}" → "${section.name}"`;
          await audit(entry('section.renamed', section, [moved, renamed].filter(Boolean).join('; ') || 'description changed'), tx);
          // Every page shows the navigation (the `sections` tag); the fronts, feeds and sitemaps list
          // the section's address; the resolver forgets every answer about a path under either slug.
          await recordPageRefresh(tx, [
            cacheTags.sections, cacheTags.home, cacheTags.feeds, cacheTags.sitemaps,
            ...new Set([before.slug, slug].flatMap((each) => [cacheTags.section(each), cacheTags.sectionAddresses(each)])),
          ]);
          return { section, notice: 'section-renamed' };
        }
        case 'move': {
          const section = await sectionById(tx, change.id);
          // Swapped with its neighbour in the navigation (retired sections are stepped over and keep
          // their slot, so a restored one comes back where it stood); every position is renumbered
          // in steps of one, so ties (equal positions from the seed or the CLI) cannot hide a move.
          const all = await tx.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, position: true, retiredAt: true } });
          const at = all.findIndex((each) => each.id === section.id);
          const step = change.direction === 'up' ? -1 : 1;
          let to = at + step;
          while (to >= 0 && to < all.length && all[to]!.retiredAt !== null) to += step;
          if (to < 0 || to >= all.length) throw new CommandError('invalid', sectionMessages.edge);
          [all[at], all[to]] = [all[to]!, all[at]!];
          for (const [index, each] of all.entries()) if (each.position !== index) await tx.section.update({ where: { id: each.id }, data: { position: index } });
          const shown = all.filter((each) => each.retiredAt === null || each.id === section.id);
          const place = shown.findIndex((each) => each.id === section.id);
          const moved = await sectionById(tx, section.id);
          await audit(entry('section.moved', moved, `${change.direction}: now ${place + 1} of ${shown.length} in the navigation`), tx);
          await recordPageRefresh(tx, [cacheTags.sections, cacheTags.home]);
          return { section: moved, notice: 'section-moved' };
        }
        case 'retire':
        case 'restore': {
          const before = await sectionById(tx, change.id);
          const retire = change.action === 'retire';
          if (retire === (before.retiredAt !== null)) throw new CommandError('invalid', retire ? sectionMessages.retired : sectionMessages.notRetired);
          const section = await tx.section.update({ where: { id: before.id }, data: { retiredAt: retire ? new Date() : null } });
          await audit(entry(retire ? 'section.retired' : 'section.restored', section, `/${section.slug} "${section.name}"`), tx);
          await recordPageRefresh(tx, [cacheTags.sections, cacheTags.home, cacheTags.sitemaps, cacheTags.section(section.slug)]);
          return { section, notice: retire ? 'section-retired' : 'section-restored' };
        }
      }
    });
  } catch (error) {
    // Two editors taking one slug at once: the database's unique index decides, the loser is told.
    if (error && typeof error === 'object' && 'code' in error && error.code === 'P2002') throw new CommandError('conflict', sectionMessages.taken, { slug: sectionMessages.taken });
    throw error;
  }
}
