// Who may do what: the one table every page, action and route asks. Pure, so it is tested alone.
import type { ArticleStatus, Prisma, Role } from '@/lib/generated/prisma/client';

export type Permission =
  | 'article.create'
  | 'article.publish'
  | 'article.delete'
  | 'article.correct'
  | 'article.breaking'
  | 'media.upload'
  | 'media.manage'
  | 'audit.read'
  | 'audience.read'
  | 'sections.manage'
  | 'fronts.manage'
  | 'contributors.manage'
  | 'users.manage';

const rank: Record<Role, number> = { writer: 1, editor: 2, admin: 3 };

const needs: Record<Permission, Role> = {
  'article.create': 'writer',
  'article.publish': 'editor',
  'article.delete': 'editor',
  'article.correct': 'editor',
  'article.breaking': 'editor',
  'media.upload': 'writer',
  'media.manage': 'editor',
  'audit.read': 'editor',
  // The audience dashboard (docs/decisions/0022); a writer sees an article's own curve on its edit page.
  'audience.read': 'editor',
  'sections.manage': 'editor',
  'fronts.manage': 'editor',
  'contributors.manage': 'editor',
  'users.manage': 'admin',
};

export const can = (role: Role, permission: Permission): boolean => rank[role] >= rank[needs[permission]];

/** Writers edit only their own articles, and only while they are not public (drafts, unpublished). */
export function canEditArticle(user: { id: number; role: Role }, article: { authorId: number | null; status: ArticleStatus }): boolean {
  if (rank[user.role] >= rank.editor) return true;
  return article.authorId === user.id && (article.status === 'draft' || article.status === 'unpublished');
}

/**
 * Who may READ an article in the newsroom (list, edit page, preview, revisions, pickers, JSON API).
 * Editors and admins read everything; a writer reads their own articles (any status) and published
 * ones, never another writer's draft, scheduled (embargoed) or unpublished article. One rule, in two
 * forms that must agree (lib/auth/read-access.test.ts checks them against each other): this
 * predicate for a row already loaded, and `readableArticles` for a Prisma query.
 * Anything a viewer may not read answers as if it did not exist (404): docs/decisions/0010.
 */
export function canReadArticle(user: { id: number; role: Role }, article: { authorId: number | null; status: ArticleStatus }): boolean {
  if (rank[user.role] >= rank.editor) return true;
  return article.authorId === user.id || article.status === 'published';
}

/**
 * The same rule as a where-fragment: AND it into every newsroom query of articles. Two spellings of
 * one condition, both held to `canReadArticle` by the test. SQLite answers the OR with a union of two
 * indexes: right for a count or a lookup, but a page in `updatedAt` order then sorts every readable
 * row (340 ms at 20,000 articles). The negated spelling ('ordered') lets it walk the `updatedAt` index
 * and stop after one page (under 1 ms), but would make a count read the whole table (180 ms).
 */
export function readableArticles(user: { id: number; role: Role }, shape: 'lookup' | 'ordered' = 'lookup'): Prisma.ArticleWhereInput {
  if (rank[user.role] >= rank.editor) return {};
  if (shape === 'ordered') {
    // Not (someone else's or nobody's) and not published. `not: id` alone would leave out NULL authors.
    return { NOT: { AND: [{ OR: [{ authorId: { not: user.id } }, { authorId: null }] }, { status: { not: 'published' } }] } };
  }
  return { OR: [{ authorId: user.id }, { status: 'published' }] };
}
