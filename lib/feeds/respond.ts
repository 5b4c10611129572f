// The one response every feed route gives: validate the address, load (cached), build, send.
import { validSlug } from '@/lib/articles/params';
import { buildFeed, feedContentTypes } from '@/lib/feeds/build';
import { cachedFeed } from '@/lib/feeds/cached';
import { feedFormatFromFileName, type FeedScope } from '@/lib/feeds/urls';
import { publicCacheControl } from '@/lib/security/page-headers.mjs';

const notFound = (): Response =>
  new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function feedResponse(scope: FeedScope, fileName: string): Promise<Response> {
  const format = feedFormatFromFileName(fileName);
  if (!format || (scope.kind !== 'site' && !validSlug(scope.slug))) return notFound();
  const data = await cachedFeed(scope);
  if (!data) return notFound();
  return new Response(buildFeed(data, scope, format), {
    headers: {
      'Content-Type': feedContentTypes[format],
      // What a CDN may keep, like every public page (docs/caching.md, "Behind a CDN").
      'Cache-Control': publicCacheControl(),
    },
  });
}
