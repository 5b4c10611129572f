// What crawlers may see: the same rule as the reader pages, published and dated no later than now.
// Sitemaps, feeds and redirects all use it, so nothing unpublished or scheduled leaks through them.
import type { Prisma } from '@/lib/generated/prisma/client';

export function publicArticleWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { status: 'published', publishedAt: { lte: now } };
}
