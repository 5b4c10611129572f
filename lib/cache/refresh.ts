// The one place that expires cached public pages. Every write path (admin actions, scheduled
// publishing, imports) describes what it changed as an ArticleChange and calls refreshArticlePages.
import { revalidatePath, revalidateTag } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { forgetPublicPaths } from '@/lib/routing/not-found-gate';

export type ArticleChange = {
  articleId: number;
  /** Every section the article is or was in (a move touches both fronts). */
  sectionSlugs: readonly string[];
  /** Every tag the article has or had. */
  tagSlugs: readonly string[];
  /** Every public path the article has or had (canonical path, before and after a slug or section
   * change): a path first visited before publication holds a cached 404 that no tag reaches. */
  paths?: readonly string[];
  /** True when the breaking-news banner may have changed (it is on every page). */
  breaking?: boolean;
};

export function tagsForArticleChange(change: ArticleChange): string[] {
  const tags = new Set<string>([cacheTags.article(change.articleId), cacheTags.home, cacheTags.feeds, cacheTags.sitemaps]);
  for (const slug of change.sectionSlugs) tags.add(cacheTags.section(slug));
  for (const slug of change.tagSlugs) tags.add(cacheTags.tag(slug));
  if (change.breaking) tags.add(cacheTags.breaking);
  return [...tags];
}

/**
 * Expires exactly the pages one article change touches: the article itself (and pages linking to it),
 * its section fronts, home, its tag pages, feeds and sitemaps. `expire: 0` makes the very next
 * request render afresh, so an editor sees the change at once (not one request later).
 * Must run inside a server action or route handler (Next's rule for revalidateTag).
 */
export function refreshArticlePages(change: ArticleChange): string[] {
  const tags = tagsForArticleChange(change);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  for (const path of change.paths ?? []) revalidatePath(path);
  // A path that stopped existing (unpublished, renamed) must reach the 404 gate's check again.
  forgetPublicPaths(change.paths ?? []);
  return tags;
}

export function refreshTags(tags: readonly string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
