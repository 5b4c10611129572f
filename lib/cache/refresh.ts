// What one article change expires, and the two steps of every refresh: write paths record the
// change's tags in the outbox INSIDE their transaction (`recordArticleRefresh`), then, after the
// commit, carry out what is pending (`refreshPublicPages`) before they answer the editor. Every other
// instance carries the same row out within the outbox's poll (lib/cache/outbox.ts), also when the
// writing instance dies between the two steps. docs/caching.md, docs/decisions/0006-cache-coherence.md.
import { cacheTags, everyPageTag, pathTag } from '@/lib/cache/tags';
import { carryOutPageRefreshes, recordPageRefresh } from '@/lib/cache/outbox';
import type { Prisma } from '@/lib/generated/prisma/client';

export type ArticleChange = {
  articleId: number;
  /** Every section the article is or was in (a move touches both fronts). */
  sectionSlugs: readonly string[];
  /** Every tag the article has or had. */
  tagSlugs: readonly string[];
  /** Every public path the article has or had (canonical path, before and after a slug or section
   * change, old slugs, pages that show it as a related link). */
  paths?: readonly string[];
  /** True when the breaking-news banner may have changed (it is on every page). */
  breaking?: boolean;
  /** Every curated front that pins the article ("home" or a section's slug): an unpublished pinned
   * article must leave it at once, whichever section it belongs to. */
  fronts?: readonly string[];
  /** True when the article is in the "most read" list: it must leave it at once when it leaves the public site. */
  mostRead?: boolean;
  /** Every contributor the article's byline names or named: their author pages list it. */
  contributorIds?: readonly number[];
  /** Every month ("2026-11", UTC) the article is or was dated in: the sitemap index counts it there. */
  months?: readonly string[];
};

export function tagsForArticleChange(change: ArticleChange): string[] {
  const tags = new Set<string>([cacheTags.article(change.articleId), cacheTags.home, cacheTags.feeds, cacheTags.sitemaps]);
  for (const slug of change.sectionSlugs) tags.add(cacheTags.section(slug));
  for (const slug of change.tagSlugs) tags.add(cacheTags.tag(slug));
  if (change.breaking) tags.add(cacheTags.breaking);
  if (change.mostRead) tags.add(cacheTags.mostRead);
  for (const front of change.fronts ?? []) {
    tags.add(cacheTags.front(front));
    if (front !== 'home') tags.add(cacheTags.section(front));
  }
  for (const id of change.contributorIds ?? []) tags.add(cacheTags.author(id));
  for (const month of change.months ?? []) tags.add(cacheTags.sitemapMonth(month));
  for (const path of change.paths ?? []) tags.add(pathTag(path));
  return [...tags];
}

/** Every public page: an import too large to describe article by article, a restore, a copy. */
export const everythingTags: readonly string[] = [cacheTags.home, cacheTags.sections, cacheTags.breaking, cacheTags.feeds, cacheTags.sitemaps, cacheTags.sitemapMonths, everyPageTag];

/** Inside the write's transaction: records what the change expires. */
export async function recordArticleRefresh(tx: Prisma.TransactionClient, change: ArticleChange | null): Promise<void> {
  if (change) await recordPageRefresh(tx, tagsForArticleChange(change));
}

export async function recordEverythingRefresh(tx: Prisma.TransactionClient): Promise<void> {
  await recordPageRefresh(tx, everythingTags);
}

/** After the commit, before answering: carries out every refresh recorded so far, this one included. */
export async function refreshPublicPages(): Promise<void> {
  // Fault injection for the crash tests (e2e/scale-out.spec.ts): die between the commit and the
  // refresh, the worst moment, as `kill -9` or a power cut would. Never set in production.
  if (process.env.LEDE_FAULT_KILL_AFTER_COMMIT === '1') process.kill(process.pid, 'SIGKILL');
  try {
    await carryOutPageRefreshes();
  } catch {
    // The write is committed and its refresh is in the outbox: every instance's poller retries it,
    // and until it is carried out this instance serves pages from the database (never stale).
  }
}
