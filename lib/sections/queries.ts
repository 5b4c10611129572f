// Sections as readers see them: the navigation on every page.
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import type { SectionRef } from '@/lib/articles/types';

export function getSectionNav(): Promise<SectionRef[]> {
  return unstable_cache(
    () => db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { slug: true, name: true } }),
    ['section-nav'],
    { tags: [cacheTags.sections] },
  )();
}
