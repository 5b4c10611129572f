// Contributor slugs (/author/{slug}): made from the name by the article slug rules (lib/articles/
// slug.ts: lower-case ASCII where transliteration reads well, the name's own script where it does not),
// unique across every contributor's current and old slugs (old ones answer 301).
import slugify from '@sindresorhus/slugify';
import { keepsScript, maxSlugLength, unicodeSlug } from '@/lib/articles/slug';
import { reservedArticleSlugs } from '@/lib/articles/urls';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The slug a name asks for, before uniqueness: never empty, never a route word (older, newer, feed…). */
export function contributorSlugFor(name: string): string {
  let slug = keepsScript(name) ? unicodeSlug(name) : slugify(name, { decamelize: false });
  const characters = [...slug];
  if (characters.length > maxSlugLength) slug = characters.slice(0, maxSlugLength).join('').replace(/-+$/, '');
  if (!slug) slug = 'contributor';
  if (reservedArticleSlugs.has(slug)) slug = `${slug}-contributor`;
  return slug;
}

type SlugClient = Pick<Prisma.TransactionClient, 'contributor' | 'contributorSlug'>;

/** Is `slug` free for `contributorId` (no other contributor has it now or had it before)? */
export async function contributorSlugIsFree(client: SlugClient, slug: string, contributorId: number | null): Promise<boolean> {
  const [current, old] = await Promise.all([
    client.contributor.findUnique({ where: { slug }, select: { id: true } }),
    client.contributorSlug.findUnique({ where: { slug }, select: { contributorId: true } }),
  ]);
  return (!current || current.id === contributorId) && (!old || old.contributorId === contributorId);
}

/** A free slug for `name`: its own, else with -2, -3… Run inside the transaction that writes it. */
export async function uniqueContributorSlug(client: SlugClient, name: string, contributorId: number | null = null, taken: ReadonlySet<string> = new Set()): Promise<string> {
  const base = contributorSlugFor(name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate) && (await contributorSlugIsFree(client, candidate, contributorId))) return candidate;
  }
}
