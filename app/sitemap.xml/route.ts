// /sitemap.xml: the sitemap index (docs/seo.md lists every sitemap URL).
import { cachedSitemapMonths, cachedTagSitemapParts } from '@/lib/sitemaps/cached';
import { sitemapIndexDocument, sitemapIndexEntries } from '@/lib/sitemaps/documents';
import { streamText, xmlHeaders } from '@/lib/sitemaps/stream';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const [months, tagParts] = await Promise.all([cachedSitemapMonths(), cachedTagSitemapParts()]);
  return new Response(streamText(sitemapIndexDocument(sitemapIndexEntries(months, tagParts))), { headers: xmlHeaders });
}
