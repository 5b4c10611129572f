// The small, aggregate reads behind the sitemap index and the news sitemap, kept in Next's data cache
// under cacheTags.sitemaps: every article change expires them (lib/cache/refresh.ts), and an hour's
// revalidate covers time passing (the news sitemap's 48-hour window). The big documents are
// streamed straight from the database and not cached here.
import { unstable_cache } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { newsSitemapEntries, sitemapMonths, tagSitemapParts } from '@/lib/sitemaps/queries';

const options = { tags: [cacheTags.sitemaps], revalidate: 3600 };

export const cachedSitemapMonths = unstable_cache(() => sitemapMonths(), ['sitemaps:months'], options);
export const cachedTagSitemapParts = unstable_cache(() => tagSitemapParts(), ['sitemaps:tag-parts'], options);
export const cachedNewsSitemapEntries = unstable_cache(() => newsSitemapEntries(), ['sitemaps:news'], {
  ...options,
  // Articles leave the 48-hour window with time alone: look again every 10 minutes.
  revalidate: 600,
});
