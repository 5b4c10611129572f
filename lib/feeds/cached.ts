// Feed data in Next's data cache, tagged so an article change expires exactly the feeds it appears in:
// every feed carries cacheTags.feeds, section and tag feeds also their section's or tag's tag.
import { unstable_cache } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { loadFeed, type FeedData } from '@/lib/feeds/queries';
import type { FeedScope } from '@/lib/feeds/urls';

/** `contributorId`: an author feed's contributor (its slug is looked up first). */
export function feedCacheTags(scope: FeedScope, contributorId?: number): string[] {
  switch (scope.kind) {
    case 'site':
      return [cacheTags.feeds];
    case 'section':
      return [cacheTags.feeds, cacheTags.section(scope.slug)];
    case 'tag':
      return [cacheTags.feeds, cacheTags.tag(scope.slug)];
    case 'author':
      return contributorId === undefined ? [cacheTags.feeds] : [cacheTags.feeds, cacheTags.author(contributorId), cacheTags.contributor(contributorId)];
  }
}

export async function cachedFeed(scope: FeedScope): Promise<FeedData | null> {
  const key = scope.kind === 'site' ? 'site' : `${scope.kind}:${scope.slug}`;
  let contributorId: number | undefined;
  if (scope.kind === 'author') {
    // An author feed is tagged by its contributor, known once the slug is looked up (uncached: this
    // runs only when the feed is not in the cache).
    const { findContributorAddress } = await import('@/lib/contributors/queries');
    const address = await findContributorAddress(scope.slug);
    if (!address || address.slug !== scope.slug) return null;
    contributorId = address.id;
  }
  return unstable_cache(() => loadFeed(scope), ['feed', key], { tags: feedCacheTags(scope, contributorId), revalidate: 3600 })();
}
