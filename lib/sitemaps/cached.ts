// The small, aggregate reads behind the sitemap index and the news sitemap, kept in Next's data cache
// under cacheTags.sitemaps (each month's summary under its own month's tag): every article change
// expires them (lib/cache/refresh.ts), and an hour's revalidate covers time passing (the news
// sitemap's 48-hour window). The big documents are streamed straight from the database and not
// cached here.
import { unstable_cache } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { monthSummary, newsSitemapEntries, sitemapMonths, tagSitemapParts, type Month, type MonthSummary } from '@/lib/sitemaps/queries';
import { monthKey } from '@/lib/sitemaps/urls';

const options = { tags: [cacheTags.sitemaps], revalidate: 3600 };

/** The index's months: the span read each time (two index look-ups), each month's summary cached
 * under its own tag (lib/cache/refresh.ts: a change expires the months its article is or was dated
 * in), so a publish recounts its own month, not the archive's. Not itself in unstable_cache: Next
 * bypasses an unstable_cache called inside another one, which would recount every month. */
export function cachedSitemapMonths(): Promise<MonthSummary[]> {
  return sitemapMonths(new Date(), cachedMonthSummary);
}

function cachedMonthSummary(month: Month): Promise<MonthSummary | null> {
  const key = monthKey(new Date(Date.UTC(month.year, month.month - 1, 1)));
  return unstable_cache(() => monthSummary(month), ['sitemaps:month', key], { tags: [cacheTags.sitemapMonth(key), cacheTags.sitemapMonths], revalidate: 3600 })();
}

export const cachedTagSitemapParts = unstable_cache(() => tagSitemapParts(), ['sitemaps:tag-parts'], options);
export const cachedNewsSitemapEntries = unstable_cache(() => newsSitemapEntries(), ['sitemaps:news'], {
  ...options,
  // Articles leave the 48-hour window with time alone: look again every 10 minutes.
  revalidate: 600,
});
