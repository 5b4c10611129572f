// Feed data in Next's data cache, tagged so an article change expires exactly the feeds it appears in:
// every feed carries cacheTags.feeds, section and tag feeds also their section's or tag's tag.
import { unstable_cache } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { loadFeed, type FeedData } from '@/lib/feeds/queries';
import type { FeedScope } from '@/lib/feeds/urls';

export function feedCacheTags(scope: FeedScope): string[] {
  switch (scope.kind) {
    case 'site':
      return [cacheTags.feeds];
    case 'section':
      return [cacheTags.feeds, cacheTags.section(scope.slug)];
    case 'tag':
      return [cacheTags.feeds, cacheTags.tag(scope.slug)];
  }
}

export function cachedFeed(scope: FeedScope): Promise<FeedData | null> {
  const key = scope.kind === 'site' ? 'site' : `${scope.kind}:${scope.slug}`;
  return unstable_cache(() => loadFeed(scope), ['feed', key], { tags: feedCacheTags(scope), revalidate: 3600 })();
}
