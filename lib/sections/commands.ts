// Write commands for sections. They return plain data and never touch Next's cache: the caller (a
// server action, a script) decides what to refresh.
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Prisma, Section } from '@/lib/generated/prisma/client';
import { reservedSectionSlugs } from '@/lib/articles/urls';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { slugPattern } from '@/lib/forms/slug-pattern';
import { cacheTags } from '@/lib/cache/tags';

export const sectionInputSchema = z.object({
  slug: z
    .string()
    .regex(slugPattern, 'must be lower-case letters, digits and single hyphens')
    .max(60)
    .refine((slug) => !reservedSectionSlugs.has(slug), 'is a reserved word'),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(300).default(''),
  position: z.number().int().min(0).optional(),
});

export type SectionInput = z.input<typeof sectionInputSchema>;
type SectionClient = Pick<Prisma.TransactionClient, 'section'>;

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

/** The newsroom's way to add or change a section (npm run sections): the section and the refresh of
 * every page that shows the navigation, in one transaction (lib/cache/outbox.ts carries it out on
 * every running instance). */
export async function saveSection(input: SectionInput): Promise<Section> {
  const data = sectionInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const section = await upsertSection(data, tx);
    await recordPageRefresh(tx, [cacheTags.sections, cacheTags.home, cacheTags.section(section.slug)]);
    return section;
  });
}
