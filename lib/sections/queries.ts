// Sections as readers see them (the navigation on every page, the address of a front) and as the
// newsroom manages them.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import type { SectionRef } from '@/lib/articles/types';
import { duringBuild } from '@/lib/build-phase';

/** The navigation: sections in their order, retired ones left out (uncached: getSectionNav). */
export function loadSectionNav(): Promise<SectionRef[]> {
  return db.section.findMany({ where: { retiredAt: null }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { slug: true, name: true } });
}

export function getSectionNav(): Promise<SectionRef[]> {
  if (duringBuild()) return Promise.resolve([]);
  return unstable_cache(
    loadSectionNav,
    ['section-nav'],
    { tags: [cacheTags.sections] },
  )();
}

/** Every section with its place in the navigation, for the newsroom's tools (npm run sections -- list). */
export function listSections(): Promise<{ slug: string; name: string; position: number; retired: boolean }[]> {
  return db.section
    .findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { slug: true, name: true, position: true, retiredAt: true } })
    .then((rows) => rows.map(({ retiredAt, ...section }) => ({ ...section, retired: retiredAt !== null })));
}

export type NewsroomSection = {
  id: number;
  slug: string;
  name: string;
  description: string;
  retiredAt: Date | null;
  oldSlugs: string[];
  articleCount: number;
};

/** /admin/sections: every section in navigation order (retired ones where they stood). */
export async function listSectionsForNewsroom(): Promise<NewsroomSection[]> {
  const rows = await db.section.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, slug: true, name: true, description: true, retiredAt: true, oldSlugs: { select: { slug: true }, orderBy: { createdAt: 'asc' } }, _count: { select: { articles: true } } },
  });
  return rows.map(({ oldSlugs, _count, ...section }) => ({ ...section, oldSlugs: oldSlugs.map((old) => old.slug), articleCount: _count.articles }));
}

/**
 * The section /{slug} names: its current slug, whether `slug` is it or one it had before a rename;
 * null when no section has or had it. One query, so a rename committed meanwhile is seen whole
 * (the request proxy's resolver, the feeds and the pages ask).
 */
export async function findSectionAddress(slug: string): Promise<{ slug: string } | null> {
  return db.section.findFirst({ where: { OR: [{ slug }, { oldSlugs: { some: { slug } } }] }, select: { slug: true } });
}
