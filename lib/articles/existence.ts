// What stands behind a public path: a page, a move (old slug, wrong section) or nothing. One indexed
// look-up in the common case, for the proxy's 404 gate (lib/routing/not-found-gate.ts).
import { db } from '@/lib/db/client';
import { findArticleRedirect } from '@/lib/articles/redirects';
import type { PublicPathRecord } from '@/lib/routing/public-path';

export type PublicRecordState = { kind: 'page' } | { kind: 'moved'; path: string } | { kind: 'missing' };

const page: PublicRecordState = { kind: 'page' };
const missing: PublicRecordState = { kind: 'missing' };

export async function resolvePublicRecord(record: PublicPathRecord): Promise<PublicRecordState> {
  switch (record.kind) {
    case 'impossible':
      return missing;
    case 'section':
      return (await db.section.count({ where: { slug: record.section } })) > 0 ? page : missing;
    case 'tag':
      return (await db.tag.count({ where: { slug: record.tag } })) > 0 ? page : missing;
    case 'article': {
      const current = await db.article.findFirst({ where: { slug: record.slug, status: 'published' }, select: { section: { select: { slug: true } } } });
      if (current?.section.slug === record.section) return page;
      const moved = await findArticleRedirect(record.section, record.slug);
      return moved ? { kind: 'moved', path: moved } : missing;
    }
  }
}
