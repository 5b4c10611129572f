// Article slugs: short, readable, lower-case ASCII from the headline (@sindresorhus/slugify), unique
// across all articles and all old slugs (which answer 301), and never a route word of their own
// (reservedArticleSlugs: /{section}/older/... and friends).
import slugify from '@sindresorhus/slugify';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { reservedArticleSlugs } from '@/lib/articles/urls';

export const maxSlugLength = 80;

/** The slug a headline asks for, before uniqueness: cut at a word boundary, never reserved or empty. */
export function headlineSlug(headline: string): string {
  let slug = slugify(headline, { decamelize: false });
  if (slug.length > maxSlugLength) {
    const cut = slug.slice(0, maxSlugLength + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : slug.slice(0, maxSlugLength);
  }
  if (!slug) slug = 'article';
  if (reservedArticleSlugs.has(slug)) slug = `${slug}-article`;
  return slug;
}

export type SlugClient = Pick<Prisma.TransactionClient, '$queryRaw'>;

/**
 * A slug for `headline` that no other article uses now or used before: the headline's slug, else the
 * same with -2, -3, ... `articleId` is the article being (re)named: its own current and old slugs are
 * free for it. Run it inside the transaction that saves the slug so two saves cannot take the same one.
 */
export async function uniqueArticleSlug(headline: string, options: { articleId?: number; client?: SlugClient } = {}): Promise<string> {
  const client = options.client ?? db;
  const base = headlineSlug(headline);
  // One query over both tables; a range, not LIKE, so the unique indexes answer it ('.' follows '-').
  const rows = await client.$queryRaw<{ slug: string; articleId: number | bigint }[]>`
    SELECT "slug", "id" AS "articleId" FROM "Article" WHERE "slug" = ${base} OR ("slug" >= ${`${base}-`} AND "slug" < ${`${base}.`})
    UNION ALL
    SELECT "slug", "articleId" FROM "ArticleSlug" WHERE "slug" = ${base} OR ("slug" >= ${`${base}-`} AND "slug" < ${`${base}.`})`;
  const taken = new Set<string>();
  for (const row of rows) if (Number(row.articleId) !== options.articleId) taken.add(row.slug);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
