// The demo's contributors: two staff reporters with photos and profile links, and a guest writer
// (no newsroom account). The generated stories' reporters (lib/seed/prose.ts generatedPeople) include
// the two staff names, so their author pages list many stories; the every-block story carries a
// byline of two. Photos come from the generated pictures (lib/seed/generated-media.ts).
import type { Prisma } from '@/lib/generated/prisma/client';
import { contributorInputSchema } from '@/lib/contributors/schema';
import { uniqueContributorSlug } from '@/lib/contributors/slug';

export const demoContributors = [
  { name: 'Amina Rahimi', jobTitle: 'Senior correspondent', bio: 'Amina covers politics and the courts from the capital.\n\nShe joined the newsroom in 2019.', website: 'https://example.org/amina', mastodon: '@amina@example.social', bluesky: 'amina.bsky.social' },
  { name: 'Tomas Varga', jobTitle: 'Data editor', bio: 'Tomas turns budgets, polls and timetables into stories and charts.', x: '@tomasvarga' },
  { name: 'Nadia Karimi', jobTitle: 'Guest writer', bio: 'Nadia is a freelance writer on culture and cities.' },
] as const;

/** Makes the demo contributors (each through the one contributor schema); returns their ids by name. */
export async function seedDemoContributors(tx: Prisma.TransactionClient, photoIds: readonly number[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, profile] of demoContributors.entries()) {
    const input = contributorInputSchema.parse({ ...profile, photoId: photoIds[index] ?? null });
    const existing = await tx.contributor.findFirst({ where: { name: input.name }, select: { id: true } });
    if (existing) {
      ids.set(input.name, existing.id);
      continue;
    }
    const { slug: _slug, ...columns } = input;
    const created = await tx.contributor.create({ data: { ...columns, slug: await uniqueContributorSlug(tx, input.name) }, select: { id: true } });
    ids.set(input.name, created.id);
  }
  return ids;
}
