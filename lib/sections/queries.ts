// Sections as readers see them: the navigation on every page.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import type { SectionRef } from '@/lib/articles/types';
import { duringBuild } from '@/lib/build-phase';

export function getSectionNav(): Promise<SectionRef[]> {
  if (duringBuild()) return Promise.resolve([]);
  return unstable_cache(
    () => db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { slug: true, name: true } }),
    ['section-nav'],
    { tags: [cacheTags.sections] },
  )();
}

/** Every section with its place in the navigation, for the newsroom's tools (npm run sections -- list). */
export function listSections(): Promise<{ slug: string; name: string; position: number }[]> {
  return db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { slug: true, name: true, position: true } });
}

/** Whether /{slug} is a section front (the request proxy's resolver asks). */
export async function sectionExists(slug: string): Promise<boolean> {
  return (await db.section.count({ where: { slug } })) > 0;
}
