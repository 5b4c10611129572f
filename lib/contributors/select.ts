// Prisma selections of a contributor: one place, so every page asks for the same columns.
import { mediaSelect } from '@/lib/articles/select';
import { toMediaView } from '@/lib/articles/mappers';
import { authorPath } from '@/lib/articles/urls';
import type { Prisma } from '@/lib/generated/prisma/client';
import { profileLinkLabels, type ProfileLinkKind } from '@/lib/contributors/links';
import type { BylineEntry, ContributorProfile } from '@/lib/contributors/types';

export const bylineSelect = {
  id: true,
  slug: true,
  name: true,
  jobTitle: true,
  website: true,
  x: true,
  mastodon: true,
  bluesky: true,
  photo: { select: mediaSelect },
} satisfies Prisma.ContributorSelect;

export const profileSelect = { ...bylineSelect, bio: true, retiredAt: true, updatedAt: true } satisfies Prisma.ContributorSelect;

type BylineRow = Prisma.ContributorGetPayload<{ select: typeof bylineSelect }>;
type ProfileRow = Prisma.ContributorGetPayload<{ select: typeof profileSelect }>;

const linkKinds: readonly ProfileLinkKind[] = ['website', 'x', 'mastodon', 'bluesky'];

export function toBylineEntry(row: BylineRow): BylineEntry {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    jobTitle: row.jobTitle,
    path: authorPath(row.slug),
    photo: toMediaView(row.photo),
    sameAs: linkKinds.map((kind) => row[kind]).filter(Boolean),
  };
}

export function toContributorProfile(row: ProfileRow): ContributorProfile {
  return {
    ...toBylineEntry(row),
    bio: row.bio,
    links: linkKinds.filter((kind) => row[kind]).map((kind) => ({ kind, label: profileLinkLabels[kind], url: row[kind] })),
    retired: row.retiredAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
