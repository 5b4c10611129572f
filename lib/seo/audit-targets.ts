// The pages `npm run audit:lighthouse` audits: home, the first section with articles and an article
// (the legacy demo video article when it is there, else the newest published one).
import { db } from '@/lib/db/client';
import { articlePath, sectionPath } from '@/lib/articles/urls';
import { publicArticleWhere } from '@/lib/articles/public';

export type AuditTarget = { name: string; path: string };

export async function auditTargets(): Promise<AuditTarget[]> {
  const article =
    (await db.article.findFirst({ where: { ...publicArticleWhere(), legacyId: { not: null }, contentType: 'video', relatedLinks: { some: {} } }, orderBy: { id: 'asc' }, select: { slug: true, section: { select: { slug: true } } } })) ??
    (await db.article.findFirst({ where: publicArticleWhere(), orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: { slug: true, section: { select: { slug: true } } } }));
  const section = await db.section.findFirst({
    where: { articles: { some: publicArticleWhere() } },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { slug: true },
  });
  if (!article || !section) throw new Error('Nothing to audit: the database has no published article (run npm run db:seed).');
  return [
    { name: 'home', path: '/' },
    { name: 'section', path: sectionPath(section.slug) },
    { name: 'article', path: articlePath(article) },
  ];
}
