// Who may do what: the one table every page, action and route asks. Pure, so it is tested alone.
import type { ArticleStatus, Role } from '@/lib/generated/prisma/client';

export type Permission =
  | 'article.create'
  | 'article.publish'
  | 'article.delete'
  | 'article.correct'
  | 'article.breaking'
  | 'media.upload'
  | 'media.manage'
  | 'audit.read'
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
  'users.manage': 'admin',
};

export const can = (role: Role, permission: Permission): boolean => rank[role] >= rank[needs[permission]];

/** Writers edit only their own articles, and only while they are not public (drafts, unpublished). */
export function canEditArticle(user: { id: number; role: Role }, article: { authorId: number | null; status: ArticleStatus }): boolean {
  if (rank[user.role] >= rank.editor) return true;
  return article.authorId === user.id && (article.status === 'draft' || article.status === 'unpublished');
}
