// /robots.txt: everything public is open; the newsroom, the API and search results are not.
import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/articles/urls';
import { newsSitemapPath, sitemapIndexPath } from '@/lib/sitemaps/urls';

// Read at request time so SITE_URL comes from the running server's environment, not the build's.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/search', '/preview'] }],
    sitemap: [absoluteUrl(sitemapIndexPath), absoluteUrl(newsSitemapPath)],
  };
}
